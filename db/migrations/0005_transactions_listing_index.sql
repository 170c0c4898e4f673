-- The transactions page answered from an index (design.md §10: a page over 1M rows in
-- ≤ 10 ms). The indexes on transactions sent every row of a period back to the table,
-- whose rows are wide (Pluggy's raw JSON), to read the amount, status or category, and
-- joined the user's fields to each: ~20–100 ms for a month of 16k rows. The account-and-
-- date index becomes one that holds every column the page's filters, count, totals and
-- sorts read, the user's category and usage included. By account first, as sync writes
-- an account's rows in date order: its entries land together, and sync's speed is
-- unchanged within what the benchmark can tell (led by the date, the same index cost
-- sync ~13% without the description, ~20% with it and the id).
DROP INDEX `transactions_account_date_idx`;--> statement-breakpoint
ALTER TABLE `transactions` ADD `user_category_id` text;--> statement-breakpoint
ALTER TABLE `transactions` ADD `user_usage` text;--> statement-breakpoint
-- The user's category and usage, copied onto their transaction so the index can hold them
-- (a lookup of the user's fields per row of a month costs ~10 ms). Triggers on
-- transaction_user_data keep the copies, so every writer (editing, bulk, rules, undo,
-- merging categories) keeps them without knowing; sync never writes them.
UPDATE `transactions` SET `user_category_id` = u.`category_id`, `user_usage` = u.`usage`
FROM `transaction_user_data` u
WHERE u.`transaction_id` = `transactions`.`id` AND (u.`category_id` IS NOT NULL OR u.`usage` IS NOT NULL);--> statement-breakpoint
CREATE INDEX `transactions_listing_idx` ON `transactions` (`account_id`,`date`,`removed_at`,`status`,`amount_cents`,`amount_in_account_currency_cents`,`pluggy_category_id`,`user_category_id`,`user_usage`,`description`);--> statement-breakpoint
CREATE TRIGGER `transactions_user_copy_insert` AFTER INSERT ON `transaction_user_data`
WHEN new.`category_id` IS NOT NULL OR new.`usage` IS NOT NULL
BEGIN
	UPDATE `transactions` SET `user_category_id` = new.`category_id`, `user_usage` = new.`usage`
	WHERE `id` = new.`transaction_id`;
END;--> statement-breakpoint
CREATE TRIGGER `transactions_user_copy_update` AFTER UPDATE OF `category_id`, `usage`, `transaction_id` ON `transaction_user_data`
WHEN old.`category_id` IS NOT new.`category_id`
	OR old.`usage` IS NOT new.`usage`
	OR old.`transaction_id` IS NOT new.`transaction_id`
BEGIN
	UPDATE `transactions` SET `user_category_id` = NULL, `user_usage` = NULL
	WHERE `id` = old.`transaction_id` AND old.`transaction_id` IS NOT new.`transaction_id`;
	UPDATE `transactions` SET `user_category_id` = new.`category_id`, `user_usage` = new.`usage`
	WHERE `id` = new.`transaction_id`;
END;--> statement-breakpoint
CREATE TRIGGER `transactions_user_copy_delete` AFTER DELETE ON `transaction_user_data`
WHEN old.`category_id` IS NOT NULL OR old.`usage` IS NOT NULL
BEGIN
	UPDATE `transactions` SET `user_category_id` = NULL, `user_usage` = NULL WHERE `id` = old.`transaction_id`;
END;--> statement-breakpoint
-- Removed transactions leave the search index, so that a search's count comes from the
-- index alone; one brought back by a later sync is indexed again.
DROP VIEW `transactions_search_documents`;--> statement-breakpoint
CREATE VIEW `transactions_search_documents` AS
SELECT
	t.rowid AS `doc_id`,
	t.`description`,
	concat_ws(' ', coalesce(u.`counterparty_display_name`, t.`counterparty_name`), t.`merchant_name`) AS `counterparty`,
	u.`notes`
FROM `transactions` t
LEFT JOIN `transaction_user_data` u ON u.`transaction_id` = t.`id`
WHERE t.`removed_at` IS NULL;--> statement-breakpoint
DROP TRIGGER `transactions_search_update`;--> statement-breakpoint
CREATE TRIGGER `transactions_search_update` AFTER UPDATE OF `description`, `counterparty_name`, `merchant_name`, `removed_at` ON `transactions`
WHEN old.`description` IS NOT new.`description`
	OR old.`counterparty_name` IS NOT new.`counterparty_name`
	OR old.`merchant_name` IS NOT new.`merchant_name`
	OR (old.`removed_at` IS NULL) <> (new.`removed_at` IS NULL)
BEGIN
	INSERT INTO `transactions_search_queue` (`doc_id`)
	SELECT new.rowid WHERE NOT EXISTS (SELECT 1 FROM `transactions_search_queue` WHERE `doc_id` = new.rowid);
END;--> statement-breakpoint
-- Removed transactions indexed before this migration: queued, so the next search drops them.
INSERT INTO `transactions_search_queue` (`doc_id`)
SELECT t.rowid FROM `transactions` t
WHERE t.`removed_at` IS NOT NULL
	AND t.rowid <= (SELECT `indexed_through` FROM `transactions_search_state`)
	AND NOT EXISTS (SELECT 1 FROM `transactions_search_queue` q WHERE q.`doc_id` = t.rowid);
