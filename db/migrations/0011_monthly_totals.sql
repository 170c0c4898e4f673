-- Reports from running totals (issue 18): the dashboard, P&L, livro-caixa and cash flow
-- read whole months from these sums, not the rows (a year's dashboard over 1M rows took
-- 1.7–5.6 s). Keyed by exactly what the reports filter and group by: account (hidden,
-- currency and balances follow from it), month, effective category, sign, usage and
-- deductible flag as the transaction stores them, or counterparty for the dashboard's
-- payers and payees; the category's group is read when a report runs. Keys are never null,
-- so that an upsert finds its row: '' for no category or usage, -1 for no deductible flag.
-- WITHOUT ROWID: every read and every upsert goes by the key.
CREATE TABLE `monthly_counterparty_totals` (
	`account_id` text NOT NULL,
	`month` text NOT NULL,
	`counterparty` text NOT NULL,
	`category_id` text NOT NULL,
	`incoming` integer NOT NULL,
	`usage` text NOT NULL,
	`cents` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`account_id`, `month`, `counterparty`, `category_id`, `incoming`, `usage`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `monthly_totals` (
	`account_id` text NOT NULL,
	`month` text NOT NULL,
	`category_id` text NOT NULL,
	`incoming` integer NOT NULL,
	`usage` text NOT NULL,
	`deductible` integer NOT NULL,
	`cents` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`account_id`, `month`, `category_id`, `incoming`, `usage`, `deductible`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `monthly_totals_pending` (
	`account_id` text NOT NULL,
	`month` text NOT NULL,
	`category_id` text NOT NULL,
	`incoming` integer NOT NULL,
	`usage` text NOT NULL,
	`deductible` integer NOT NULL,
	`counterparty` text,
	`cents` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
-- How far the totals count the transactions: every one up to this rowid (one row). Newer
-- ones are read from the table until counted, all at once (the trigger on this table,
-- below), when a sync has written them (reports/totals-catch-up.ts). No trigger counts an
-- insert: any trigger on an insert into transactions costs SQLite a statement journal per
-- row, which would halve sync's write path.
CREATE TABLE `monthly_totals_state` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`counted_through` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `monthly_totals_state` (`id`, `counted_through`) VALUES (1, 0);
--> statement-breakpoint
-- The totals as they stand: what is folded and what is pending, for the reports to add up.
CREATE VIEW `current_monthly_totals` AS
SELECT `account_id`, `month`, `category_id`, `incoming`, `usage`, `deductible`, `cents`, `count` FROM `monthly_totals`
UNION ALL
SELECT `account_id`, `month`, `category_id`, `incoming`, `usage`, `deductible`, `cents`, `count` FROM `monthly_totals_pending`;
--> statement-breakpoint
CREATE VIEW `current_monthly_counterparty_totals` AS
SELECT `account_id`, `month`, `counterparty`, `category_id`, `incoming`, `usage`, `cents`, `count`
FROM `monthly_counterparty_totals`
UNION ALL
SELECT `account_id`, `month`, `counterparty`, `category_id`, `incoming`, `usage`, `cents`, `count`
FROM `monthly_totals_pending` WHERE `counterparty` IS NOT NULL;
--> statement-breakpoint
/*
 * How the triggers below keep the totals: a change to a counted transaction (rowid up to
 * counted_through) takes its movements as they stood away (sign -1) and counts them as
 * they stand (sign 1), in the same statement, into monthly_totals_pending, which is folded
 * into the totals every 4,096 entries. One place says what a transaction counts as
 * (report_movement_states' triggers, and report_movements for many at once); the triggers
 * on the tables only say which transaction changed and how it stood. Before a change of
 * splits or user fields (the row as it was is then still in the tables), after a change of
 * the transaction itself, whose old values the trigger holds: never a BEFORE UPDATE trigger
 * on transactions, whose reconciliation triggers (0006) may skip a row's update with
 * RAISE(IGNORE) after a BEFORE trigger of ours had already run. Rows are passed as VALUES
 * where they can be: an INSERT … SELECT into a view with triggers goes through a temporary
 * table, several times the cost.
 *
 * A split's parts, with the running sums its parts' shares are taken from (as
 * reports/report-rows.ts's splitPartShares). Read by transaction: SQLite pushes the
 * transaction into the window.
 */
CREATE VIEW `transaction_split_parts` AS
SELECT `transaction_id`, `position`, `category_id`, `amount_cents` AS `part`,
	sum(`amount_cents`) OVER (PARTITION BY `transaction_id`) AS `whole`,
	sum(`amount_cents`) OVER (PARTITION BY `transaction_id` ORDER BY `position`) AS `upto`
FROM `transaction_splits`;
--> statement-breakpoint
/*
 * Each transaction as the totals see it. Inserting a row here counts the movements of the
 * state it describes (`sign` 1) or takes them away (`sign` -1); reading it gives every
 * transaction's current state.
 */
CREATE VIEW `report_movement_states` AS
SELECT 1 AS `sign`, t.`id` AS `transaction_id`, t.`account_id`, t.`date`, t.`removed_at`,
	coalesce(t.`amount_in_account_currency_cents`, t.`amount_cents`) AS `account_cents`,
	coalesce(t.`user_category_id`, t.`pluggy_category_id`) AS `category_id`,
	t.`user_usage` AS `usage`, u.`deductible`, u.`counterparty_display_name` AS `user_counterparty`,
	coalesce(t.`counterparty_name`, t.`merchant_name`) AS `bank_counterparty`, t.rowid AS `transaction_rowid`
FROM `transactions` t
LEFT JOIN `transaction_user_data` u ON u.`transaction_id` = t.`id`;
--> statement-breakpoint
/*
 * What a transaction counts as (design.md §3, reports/report-rows.ts): nothing once
 * removed; else in the account's currency, in the month of its bookkeeping date, with its
 * usage and deductible flag, whole in its category (the user's, else Pluggy's) unless it is
 * split into parts that add up to something, then as its parts (next trigger).
 */
CREATE TRIGGER `report_movement_states_whole` INSTEAD OF INSERT ON `report_movement_states`
WHEN NEW.`removed_at` IS NULL
	AND coalesce((SELECT sum(`amount_cents`) FROM `transaction_splits` WHERE `transaction_id` = NEW.`transaction_id`), 0) = 0
BEGIN
	INSERT INTO `monthly_totals_pending`
	VALUES (NEW.`account_id`, substr(NEW.`date`, 1, 7), coalesce(NEW.`category_id`, ''), NEW.`account_cents` >= 0,
		coalesce(NEW.`usage`, ''), coalesce(NEW.`deductible`, -1), coalesce(NEW.`user_counterparty`, NEW.`bank_counterparty`),
		NEW.`sign` * NEW.`account_cents`, NEW.`sign`);
END;
--> statement-breakpoint
-- Each part its share of the account amount, rounded on the running total, in its own category.
CREATE TRIGGER `report_movement_states_parts` INSTEAD OF INSERT ON `report_movement_states`
WHEN NEW.`removed_at` IS NULL
	AND coalesce((SELECT sum(`amount_cents`) FROM `transaction_splits` WHERE `transaction_id` = NEW.`transaction_id`), 0) <> 0
BEGIN
	INSERT INTO `monthly_totals_pending`
	SELECT NEW.`account_id`, substr(NEW.`date`, 1, 7), coalesce(`category_id`, ''), `cents` >= 0, coalesce(NEW.`usage`, ''),
		coalesce(NEW.`deductible`, -1), coalesce(NEW.`user_counterparty`, NEW.`bank_counterparty`), NEW.`sign` * `cents`,
		NEW.`sign`
	FROM (SELECT `category_id`,
			(`upto` * NEW.`account_cents`) / `whole` - ((`upto` - `part`) * NEW.`account_cents`) / `whole` AS `cents`
		FROM `transaction_split_parts` WHERE `transaction_id` = NEW.`transaction_id`);
END;
--> statement-breakpoint
/*
 * Every 4,096 movements, what is pending is added into the totals, a sum taken back to
 * no movement at all goes (the tables hold only what is there), and the list starts anew.
 */
CREATE TRIGGER `monthly_totals_pending_fold` AFTER INSERT ON `monthly_totals_pending`
WHEN NEW.rowid >= 4096
BEGIN
	INSERT INTO `monthly_totals` (`account_id`, `month`, `category_id`, `incoming`, `usage`, `deductible`, `cents`, `count`)
	SELECT `account_id`, `month`, `category_id`, `incoming`, `usage`, `deductible`, sum(`cents`), sum(`count`)
	FROM `monthly_totals_pending` WHERE true
	GROUP BY `account_id`, `month`, `category_id`, `incoming`, `usage`, `deductible`
	HAVING sum(`count`) <> 0 OR sum(`cents`) <> 0
	ON CONFLICT DO UPDATE SET `cents` = `cents` + excluded.`cents`, `count` = `count` + excluded.`count`;
	INSERT INTO `monthly_counterparty_totals` (`account_id`, `month`, `counterparty`, `category_id`, `incoming`, `usage`, `cents`, `count`)
	SELECT `account_id`, `month`, `counterparty`, `category_id`, `incoming`, `usage`, sum(`cents`), sum(`count`)
	FROM `monthly_totals_pending` WHERE `counterparty` IS NOT NULL
	GROUP BY `account_id`, `month`, `counterparty`, `category_id`, `incoming`, `usage`
	HAVING sum(`count`) <> 0 OR sum(`cents`) <> 0
	ON CONFLICT DO UPDATE SET `cents` = `cents` + excluded.`cents`, `count` = `count` + excluded.`count`;
	DELETE FROM `monthly_totals`
	WHERE `count` = 0 AND `cents` = 0 AND (`account_id`, `month`, `category_id`, `incoming`, `usage`, `deductible`) IN
		(SELECT `account_id`, `month`, `category_id`, `incoming`, `usage`, `deductible` FROM `monthly_totals_pending` WHERE `count` < 0);
	DELETE FROM `monthly_counterparty_totals`
	WHERE `count` = 0 AND `cents` = 0 AND (`account_id`, `month`, `counterparty`, `category_id`, `incoming`, `usage`) IN
		(SELECT `account_id`, `month`, `counterparty`, `category_id`, `incoming`, `usage` FROM `monthly_totals_pending`
		 WHERE `count` < 0 AND `counterparty` IS NOT NULL);
	DELETE FROM `monthly_totals_pending`;
END;
--> statement-breakpoint
-- Transactions: sync's updates, edits, deletions; their user category and usage change here
-- too, through 0005's copies. Only counted ones: a newer row is counted as it is then.
CREATE TRIGGER `transactions_totals_update`
AFTER UPDATE OF `id`, `account_id`, `date`, `removed_at`, `amount_cents`, `amount_in_account_currency_cents`,
	`pluggy_category_id`, `user_category_id`, `user_usage`, `counterparty_name`, `merchant_name`
ON `transactions`
WHEN OLD.rowid <= (SELECT `counted_through` FROM `monthly_totals_state`)
	AND (OLD.`id` IS NOT NEW.`id` OR OLD.`account_id` IS NOT NEW.`account_id` OR OLD.`date` IS NOT NEW.`date`
		OR OLD.`removed_at` IS NOT NEW.`removed_at` OR OLD.`amount_cents` IS NOT NEW.`amount_cents`
		OR OLD.`amount_in_account_currency_cents` IS NOT NEW.`amount_in_account_currency_cents`
		OR OLD.`pluggy_category_id` IS NOT NEW.`pluggy_category_id`
		OR OLD.`user_category_id` IS NOT NEW.`user_category_id` OR OLD.`user_usage` IS NOT NEW.`user_usage`
		OR OLD.`counterparty_name` IS NOT NEW.`counterparty_name` OR OLD.`merchant_name` IS NOT NEW.`merchant_name`)
BEGIN
	INSERT INTO `report_movement_states`
	VALUES (-1, OLD.`id`, OLD.`account_id`, OLD.`date`, OLD.`removed_at`,
		coalesce(OLD.`amount_in_account_currency_cents`, OLD.`amount_cents`),
		coalesce(OLD.`user_category_id`, OLD.`pluggy_category_id`), OLD.`user_usage`,
		(SELECT `deductible` FROM `transaction_user_data` WHERE `transaction_id` = OLD.`id`),
		(SELECT `counterparty_display_name` FROM `transaction_user_data` WHERE `transaction_id` = OLD.`id`),
		coalesce(OLD.`counterparty_name`, OLD.`merchant_name`), OLD.rowid);
	INSERT INTO `report_movement_states`
	VALUES (1, NEW.`id`, NEW.`account_id`, NEW.`date`, NEW.`removed_at`,
		coalesce(NEW.`amount_in_account_currency_cents`, NEW.`amount_cents`),
		coalesce(NEW.`user_category_id`, NEW.`pluggy_category_id`), NEW.`user_usage`,
		(SELECT `deductible` FROM `transaction_user_data` WHERE `transaction_id` = NEW.`id`),
		(SELECT `counterparty_display_name` FROM `transaction_user_data` WHERE `transaction_id` = NEW.`id`),
		coalesce(NEW.`counterparty_name`, NEW.`merchant_name`), NEW.rowid);
END;
--> statement-breakpoint
-- A transaction deleted has no user fields or parts left (the foreign keys see to that).
-- As for the search index (0003), the count moves back to the last rowid left, so that a
-- new row given a freed rowid is counted too.
CREATE TRIGGER `transactions_totals_delete` AFTER DELETE ON `transactions`
WHEN OLD.rowid <= (SELECT `counted_through` FROM `monthly_totals_state`)
BEGIN
	INSERT INTO `report_movement_states`
	VALUES (-1, OLD.`id`, OLD.`account_id`, OLD.`date`, OLD.`removed_at`,
		coalesce(OLD.`amount_in_account_currency_cents`, OLD.`amount_cents`),
		coalesce(OLD.`user_category_id`, OLD.`pluggy_category_id`), OLD.`user_usage`, NULL, NULL,
		coalesce(OLD.`counterparty_name`, OLD.`merchant_name`), OLD.rowid);
	UPDATE `monthly_totals_state` SET `counted_through` = coalesce((SELECT max(rowid) FROM `transactions`), 0)
	WHERE `counted_through` > coalesce((SELECT max(rowid) FROM `transactions`), 0);
END;
--> statement-breakpoint
-- Splits of a counted transaction: it is taken away before each part changes, counted
-- after. A split upsert that finds its row runs the update triggers, not the insert's.
CREATE TRIGGER `transaction_splits_totals_before_insert` BEFORE INSERT ON `transaction_splits`
WHEN (SELECT rowid FROM `transactions` WHERE `id` = NEW.`transaction_id`) <= (SELECT `counted_through` FROM `monthly_totals_state`)
	AND NOT EXISTS (SELECT 1 FROM `transaction_splits` WHERE `transaction_id` = NEW.`transaction_id` AND `position` = NEW.`position`)
BEGIN
	INSERT INTO `report_movement_states`
	SELECT -1, `transaction_id`, `account_id`, `date`, `removed_at`, `account_cents`, `category_id`, `usage`,
		`deductible`, `user_counterparty`, `bank_counterparty`, `transaction_rowid`
	FROM `report_movement_states` WHERE `transaction_id` = NEW.`transaction_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `transaction_splits_totals_after_insert` AFTER INSERT ON `transaction_splits`
WHEN (SELECT rowid FROM `transactions` WHERE `id` = NEW.`transaction_id`) <= (SELECT `counted_through` FROM `monthly_totals_state`)
BEGIN
	INSERT INTO `report_movement_states` SELECT * FROM `report_movement_states` WHERE `transaction_id` = NEW.`transaction_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `transaction_splits_totals_before_update` BEFORE UPDATE ON `transaction_splits`
WHEN (SELECT rowid FROM `transactions` WHERE `id` = OLD.`transaction_id`) <= (SELECT `counted_through` FROM `monthly_totals_state`) OR (SELECT rowid FROM `transactions` WHERE `id` = NEW.`transaction_id`) <= (SELECT `counted_through` FROM `monthly_totals_state`)
BEGIN
	INSERT INTO `report_movement_states`
	SELECT -1, `transaction_id`, `account_id`, `date`, `removed_at`, `account_cents`, `category_id`, `usage`,
		`deductible`, `user_counterparty`, `bank_counterparty`, `transaction_rowid`
	FROM `report_movement_states` WHERE `transaction_id` IN (OLD.`transaction_id`, NEW.`transaction_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `transaction_splits_totals_after_update` AFTER UPDATE ON `transaction_splits`
WHEN (SELECT rowid FROM `transactions` WHERE `id` = OLD.`transaction_id`) <= (SELECT `counted_through` FROM `monthly_totals_state`) OR (SELECT rowid FROM `transactions` WHERE `id` = NEW.`transaction_id`) <= (SELECT `counted_through` FROM `monthly_totals_state`)
BEGIN
	INSERT INTO `report_movement_states` SELECT * FROM `report_movement_states`
	WHERE `transaction_id` IN (OLD.`transaction_id`, NEW.`transaction_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `transaction_splits_totals_before_delete` BEFORE DELETE ON `transaction_splits`
WHEN (SELECT rowid FROM `transactions` WHERE `id` = OLD.`transaction_id`) <= (SELECT `counted_through` FROM `monthly_totals_state`)
BEGIN
	INSERT INTO `report_movement_states`
	SELECT -1, `transaction_id`, `account_id`, `date`, `removed_at`, `account_cents`, `category_id`, `usage`,
		`deductible`, `user_counterparty`, `bank_counterparty`, `transaction_rowid`
	FROM `report_movement_states` WHERE `transaction_id` = OLD.`transaction_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `transaction_splits_totals_after_delete` AFTER DELETE ON `transaction_splits`
WHEN (SELECT rowid FROM `transactions` WHERE `id` = OLD.`transaction_id`) <= (SELECT `counted_through` FROM `monthly_totals_state`)
BEGIN
	INSERT INTO `report_movement_states` SELECT * FROM `report_movement_states` WHERE `transaction_id` = OLD.`transaction_id`;
END;
--> statement-breakpoint
-- User fields the totals key on apart from the copies (0005): the deductible flag and the
-- user's counterparty name, counted anew before the row changes, with the new values. An
-- upsert that finds its row runs the update triggers, not the insert's.
CREATE TRIGGER `transaction_user_data_totals_insert` BEFORE INSERT ON `transaction_user_data`
WHEN (NEW.`deductible` IS NOT NULL OR NEW.`counterparty_display_name` IS NOT NULL)
	AND (SELECT rowid FROM `transactions` WHERE `id` = NEW.`transaction_id`) <= (SELECT `counted_through` FROM `monthly_totals_state`)
	AND NOT EXISTS (SELECT 1 FROM `transaction_user_data` WHERE `transaction_id` = NEW.`transaction_id`)
BEGIN
	INSERT INTO `report_movement_states`
	SELECT -1, `transaction_id`, `account_id`, `date`, `removed_at`, `account_cents`, `category_id`, `usage`,
		`deductible`, `user_counterparty`, `bank_counterparty`, `transaction_rowid`
	FROM `report_movement_states` WHERE `transaction_id` = NEW.`transaction_id`;
	INSERT INTO `report_movement_states`
	SELECT 1, `transaction_id`, `account_id`, `date`, `removed_at`, `account_cents`, `category_id`, `usage`,
		NEW.`deductible`, NEW.`counterparty_display_name`, `bank_counterparty`, `transaction_rowid`
	FROM `report_movement_states` WHERE `transaction_id` = NEW.`transaction_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `transaction_user_data_totals_update`
BEFORE UPDATE OF `deductible`, `counterparty_display_name` ON `transaction_user_data`
WHEN (OLD.`deductible` IS NOT NEW.`deductible` OR OLD.`counterparty_display_name` IS NOT NEW.`counterparty_display_name`)
	AND (SELECT rowid FROM `transactions` WHERE `id` = OLD.`transaction_id`) <= (SELECT `counted_through` FROM `monthly_totals_state`)
BEGIN
	INSERT INTO `report_movement_states`
	SELECT -1, `transaction_id`, `account_id`, `date`, `removed_at`, `account_cents`, `category_id`, `usage`,
		`deductible`, `user_counterparty`, `bank_counterparty`, `transaction_rowid`
	FROM `report_movement_states` WHERE `transaction_id` = OLD.`transaction_id`;
	INSERT INTO `report_movement_states`
	SELECT 1, `transaction_id`, `account_id`, `date`, `removed_at`, `account_cents`, `category_id`, `usage`,
		NEW.`deductible`, NEW.`counterparty_display_name`, `bank_counterparty`, `transaction_rowid`
	FROM `report_movement_states` WHERE `transaction_id` = OLD.`transaction_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `transaction_user_data_totals_delete` BEFORE DELETE ON `transaction_user_data`
WHEN (OLD.`deductible` IS NOT NULL OR OLD.`counterparty_display_name` IS NOT NULL)
	AND (SELECT rowid FROM `transactions` WHERE `id` = OLD.`transaction_id`) <= (SELECT `counted_through` FROM `monthly_totals_state`)
BEGIN
	INSERT INTO `report_movement_states`
	SELECT -1, `transaction_id`, `account_id`, `date`, `removed_at`, `account_cents`, `category_id`, `usage`,
		`deductible`, `user_counterparty`, `bank_counterparty`, `transaction_rowid`
	FROM `report_movement_states` WHERE `transaction_id` = OLD.`transaction_id`;
	INSERT INTO `report_movement_states`
	SELECT 1, `transaction_id`, `account_id`, `date`, `removed_at`, `account_cents`, `category_id`, `usage`,
		NULL, NULL, `bank_counterparty`, `transaction_rowid`
	FROM `report_movement_states` WHERE `transaction_id` = OLD.`transaction_id`;
END;
--> statement-breakpoint
/*
 * Every counted movement of every transaction, with its transaction's rowid: the same
 * movements as report_movement_states' triggers count one at a time, for counting many
 * at once. Read by a range of rowids: SQLite walks the transactions by rowid.
 */
CREATE VIEW `report_movements` AS
SELECT s.`transaction_rowid`, s.`account_id`, substr(s.`date`, 1, 7) AS `month`,
	coalesce(CASE WHEN p.`transaction_id` IS NULL THEN s.`category_id` ELSE p.`category_id` END, '') AS `category_id`,
	coalesce(s.`usage`, '') AS `usage`, coalesce(s.`deductible`, -1) AS `deductible`,
	coalesce(s.`user_counterparty`, s.`bank_counterparty`) AS `counterparty`,
	CASE WHEN p.`transaction_id` IS NULL THEN s.`account_cents`
		ELSE (p.`upto` * s.`account_cents`) / p.`whole` - ((p.`upto` - p.`part`) * s.`account_cents`) / p.`whole` END AS `cents`
FROM `report_movement_states` s
LEFT JOIN `transaction_split_parts` p ON p.`transaction_id` = s.`transaction_id` AND p.`whole` <> 0
WHERE s.`removed_at` IS NULL;
--> statement-breakpoint
-- Moving counted_through on counts the transactions it passes, set-wise.
CREATE TRIGGER `monthly_totals_state_count` BEFORE UPDATE OF `counted_through` ON `monthly_totals_state`
WHEN NEW.`counted_through` > OLD.`counted_through`
BEGIN
	INSERT INTO `monthly_totals` (`account_id`, `month`, `category_id`, `incoming`, `usage`, `deductible`, `cents`, `count`)
	SELECT `account_id`, `month`, `category_id`, `cents` >= 0, `usage`, `deductible`, sum(`cents`), count(*)
	FROM `report_movements`
	WHERE `transaction_rowid` > OLD.`counted_through` AND `transaction_rowid` <= NEW.`counted_through`
	GROUP BY 1, 2, 3, 4, 5, 6
	ON CONFLICT DO UPDATE SET `cents` = `cents` + excluded.`cents`, `count` = `count` + excluded.`count`;
	INSERT INTO `monthly_counterparty_totals` (`account_id`, `month`, `counterparty`, `category_id`, `incoming`, `usage`, `cents`, `count`)
	SELECT `account_id`, `month`, `counterparty`, `category_id`, `cents` >= 0, `usage`, sum(`cents`), count(*)
	FROM `report_movements`
	WHERE `transaction_rowid` > OLD.`counted_through` AND `transaction_rowid` <= NEW.`counted_through`
		AND `counterparty` IS NOT NULL
	GROUP BY 1, 2, 3, 4, 5, 6
	ON CONFLICT DO UPDATE SET `cents` = `cents` + excluded.`cents`, `count` = `count` + excluded.`count`;
END;
--> statement-breakpoint
-- The books as they stand, counted once.
UPDATE `monthly_totals_state` SET `counted_through` = coalesce((SELECT max(rowid) FROM `transactions`), 0);
