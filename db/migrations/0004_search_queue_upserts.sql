-- The search-queue triggers of 0003 queued with INSERT OR IGNORE, but inside an UPSERT
-- (INSERT … ON CONFLICT DO UPDATE on transaction_user_data) SQLite applies the outer
-- statement's conflict handling to the trigger's insert, and a row already queued failed
-- the whole statement with "UNIQUE constraint failed: transactions_search_queue.doc_id".
-- Queue only what is not queued yet, which no conflict handling can turn into an error.
DROP TRIGGER `transactions_search_update`;
--> statement-breakpoint
CREATE TRIGGER `transactions_search_update` AFTER UPDATE OF `description`, `counterparty_name`, `merchant_name` ON `transactions`
WHEN old.`description` IS NOT new.`description`
	OR old.`counterparty_name` IS NOT new.`counterparty_name`
	OR old.`merchant_name` IS NOT new.`merchant_name`
BEGIN
	INSERT INTO `transactions_search_queue` (`doc_id`)
	SELECT new.rowid WHERE NOT EXISTS (SELECT 1 FROM `transactions_search_queue` WHERE `doc_id` = new.rowid);
END;
--> statement-breakpoint
DROP TRIGGER `transactions_search_delete`;
--> statement-breakpoint
CREATE TRIGGER `transactions_search_delete` AFTER DELETE ON `transactions` BEGIN
	INSERT INTO `transactions_search_queue` (`doc_id`)
	SELECT old.rowid WHERE NOT EXISTS (SELECT 1 FROM `transactions_search_queue` WHERE `doc_id` = old.rowid);
	UPDATE `transactions_search_state`
	SET `indexed_through` = coalesce((SELECT max(rowid) FROM `transactions`), 0)
	WHERE `indexed_through` > coalesce((SELECT max(rowid) FROM `transactions`), 0);
END;
--> statement-breakpoint
DROP TRIGGER `transactions_search_user_insert`;
--> statement-breakpoint
CREATE TRIGGER `transactions_search_user_insert` AFTER INSERT ON `transaction_user_data`
WHEN new.`notes` IS NOT NULL OR new.`counterparty_display_name` IS NOT NULL
BEGIN
	INSERT INTO `transactions_search_queue` (`doc_id`)
	SELECT t.rowid FROM `transactions` t
	WHERE t.`id` = new.`transaction_id`
		AND NOT EXISTS (SELECT 1 FROM `transactions_search_queue` q WHERE q.`doc_id` = t.rowid);
END;
--> statement-breakpoint
DROP TRIGGER `transactions_search_user_update`;
--> statement-breakpoint
CREATE TRIGGER `transactions_search_user_update` AFTER UPDATE OF `notes`, `counterparty_display_name`, `transaction_id` ON `transaction_user_data`
WHEN old.`notes` IS NOT new.`notes`
	OR old.`counterparty_display_name` IS NOT new.`counterparty_display_name`
	OR old.`transaction_id` IS NOT new.`transaction_id`
BEGIN
	INSERT INTO `transactions_search_queue` (`doc_id`)
	SELECT t.rowid FROM `transactions` t
	WHERE t.`id` IN (old.`transaction_id`, new.`transaction_id`)
		AND NOT EXISTS (SELECT 1 FROM `transactions_search_queue` q WHERE q.`doc_id` = t.rowid);
END;
--> statement-breakpoint
DROP TRIGGER `transactions_search_user_delete`;
--> statement-breakpoint
CREATE TRIGGER `transactions_search_user_delete` AFTER DELETE ON `transaction_user_data`
WHEN old.`notes` IS NOT NULL OR old.`counterparty_display_name` IS NOT NULL
BEGIN
	INSERT INTO `transactions_search_queue` (`doc_id`)
	SELECT t.rowid FROM `transactions` t
	WHERE t.`id` = old.`transaction_id`
		AND NOT EXISTS (SELECT 1 FROM `transactions_search_queue` q WHERE q.`doc_id` = t.rowid);
END;
