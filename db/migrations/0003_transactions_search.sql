-- Full-text search over transactions (design.md §3).
--
-- The index: a contentless FTS5 table (content='', contentless_delete=1) whose rowid is the
-- transaction's rowid. Contentless, because the text already lives in transactions and
-- transaction_user_data: an external-content table needs one content table (ours spans
-- two) and every old value on delete, and a regular one would store each description a
-- second time. contentless_delete lets a document be deleted by rowid alone. The rowid link
-- is the cheapest join back (a rowid seek); it holds because nothing rewrites
-- transactions' rowids (VACUUM keeps them in SQLite 3.54 but does not promise to for a
-- table without an INTEGER PRIMARY KEY: anything that ever VACUUMs must empty the index
-- and set the watermark below back to 0).
--
-- unicode61 with remove_diacritics 2 folds case and accents on both sides ("cafe" finds
-- "Café", "CAFÉ" finds "cafe"). Prefix queries ("uber*") work on the main index; the
-- 3-character prefix index keeps the short, common prefixes a user types fast.
--
-- Kept in step in bulk, not by writing the index from triggers: a per-row trigger insert
-- into FTS5 cost ~20 µs a row (against ~2.5 µs for the same rows written by one
-- statement), which cut sync's write path from ~60k to ~25k rows/s and the sync benchmark
-- to ~11k rows/s, under its 25k target; even a trigger that only queued new rowids cost
-- ~10 µs a row. So new transactions, which always get rowids above every indexed one, are
-- found by rowid past a watermark, at no cost to sync; triggers queue only the rare
-- changes (searched text edited, a transaction deleted). transaction-search.ts indexes
-- both in chunks before a search runs, so a search never sees a stale index.
-- (A covering index for the transactions page was tried and left out: it cost the sync
-- benchmark ~20% and pushed its event-loop lag past 50 ms.)
CREATE VIRTUAL TABLE `transactions_search` USING fts5(
	`description`,
	`counterparty`,
	`notes`,
	content='',
	contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2',
	prefix='3'
);
--> statement-breakpoint
-- What is searched for each transaction: its description; who it was with, as the user
-- renamed them, else as the bank named them, and the merchant; the user's notes.
CREATE VIEW `transactions_search_documents` AS
SELECT
	t.rowid AS `doc_id`,
	t.`description`,
	concat_ws(' ', coalesce(u.`counterparty_display_name`, t.`counterparty_name`), t.`merchant_name`) AS `counterparty`,
	u.`notes`
FROM `transactions` t
LEFT JOIN `transaction_user_data` u ON u.`transaction_id` = t.`id`;
--> statement-breakpoint
-- Transactions (by rowid) whose document must be written again, or deleted when the
-- transaction is gone.
CREATE TABLE `transactions_search_queue` (`doc_id` integer PRIMARY KEY NOT NULL);
--> statement-breakpoint
-- Every transaction up to this rowid is indexed (or queued). Zero here: the transactions
-- already in the books are indexed like new ones, by the first search, so this migration
-- stays instant however large the books are.
CREATE TABLE `transactions_search_state` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`indexed_through` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `transactions_search_state` (`id`, `indexed_through`) VALUES (1, 0);
--> statement-breakpoint
-- Sync rewrites every provider column when any differs: queue only when a searched one did.
CREATE TRIGGER `transactions_search_update` AFTER UPDATE OF `description`, `counterparty_name`, `merchant_name` ON `transactions`
WHEN old.`description` IS NOT new.`description`
	OR old.`counterparty_name` IS NOT new.`counterparty_name`
	OR old.`merchant_name` IS NOT new.`merchant_name`
BEGIN
	INSERT OR IGNORE INTO `transactions_search_queue` (`doc_id`) VALUES (new.rowid);
END;
--> statement-breakpoint
-- SQLite gives a new row the largest rowid plus one, so deleting the last rows frees their
-- rowids for new transactions: the watermark moves back so those are indexed too.
CREATE TRIGGER `transactions_search_delete` AFTER DELETE ON `transactions` BEGIN
	INSERT OR IGNORE INTO `transactions_search_queue` (`doc_id`) VALUES (old.rowid);
	UPDATE `transactions_search_state`
	SET `indexed_through` = coalesce((SELECT max(rowid) FROM `transactions`), 0)
	WHERE `indexed_through` > coalesce((SELECT max(rowid) FROM `transactions`), 0);
END;
--> statement-breakpoint
-- User data: only rows that carry searched text matter (a rule that sets a category alone
-- queues nothing).
CREATE TRIGGER `transactions_search_user_insert` AFTER INSERT ON `transaction_user_data`
WHEN new.`notes` IS NOT NULL OR new.`counterparty_display_name` IS NOT NULL
BEGIN
	INSERT OR IGNORE INTO `transactions_search_queue` (`doc_id`)
	SELECT rowid FROM `transactions` WHERE `id` = new.`transaction_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `transactions_search_user_update` AFTER UPDATE OF `notes`, `counterparty_display_name`, `transaction_id` ON `transaction_user_data`
WHEN old.`notes` IS NOT new.`notes`
	OR old.`counterparty_display_name` IS NOT new.`counterparty_display_name`
	OR old.`transaction_id` IS NOT new.`transaction_id`
BEGIN
	INSERT OR IGNORE INTO `transactions_search_queue` (`doc_id`)
	SELECT rowid FROM `transactions` WHERE `id` IN (old.`transaction_id`, new.`transaction_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `transactions_search_user_delete` AFTER DELETE ON `transaction_user_data`
WHEN old.`notes` IS NOT NULL OR old.`counterparty_display_name` IS NOT NULL
BEGIN
	INSERT OR IGNORE INTO `transactions_search_queue` (`doc_id`)
	SELECT rowid FROM `transactions` WHERE `id` = old.`transaction_id`;
END;
