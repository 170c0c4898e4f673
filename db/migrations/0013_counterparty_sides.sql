-- The dashboard's top payers and payees over a year read a few thousand sums (issue 18:
-- a year's dashboard over 1M rows ≤ 100 ms): monthly_counterparty_totals keeps one per
-- account, month, counterparty, category, sign and usage, over a hundred thousand a year
-- on the benchmark's books, too many to sum in time. This table keeps the same movements
-- over every account and by the side of the books they fall on, which is what the ranking
-- sums by; a report subtracts hidden accounts (and reads the finer table for a filter on
-- accounts). The side is the category's group's, so a change of group that moves a
-- category to another side moves its sums here too (the triggers on categories below,
-- from the finer table, by its new index on the category).
CREATE TABLE `monthly_counterparty_sides` (
	`month` text NOT NULL,
	`counterparty` text NOT NULL,
	`side` text NOT NULL,
	`category_id` text NOT NULL,
	`usage` text NOT NULL,
	`cents` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`month`, `counterparty`, `side`, `category_id`, `usage`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `monthly_counterparty_totals_category_idx` ON `monthly_counterparty_totals` (`category_id`);
--> statement-breakpoint
/*
 * The movements by counterparty (folded or pending: `folded` 1 or 0) with the side they
 * fall on (reports/report-rows.ts): 'income', 'expense' or 'none' (transfers and
 * investments) as the category's group says; money without a category by its sign; ''
 * with the category (`side_category_id`, else '') for a category without a group or one
 * the books do not hold, whose side a report takes from its net over the period.
 */
CREATE VIEW `counterparty_movement_sides` AS
SELECT m.`folded`, m.`account_id`, m.`month`, m.`counterparty`, m.`usage`, m.`cents`, m.`count`,
	CASE WHEN m.`category_id` = '' THEN CASE WHEN m.`incoming` THEN 'income' ELSE 'expense' END
		ELSE coalesce(s.`side`, '') END AS `side`,
	CASE WHEN m.`category_id` <> '' AND s.`side` IS NULL THEN m.`category_id` ELSE '' END AS `side_category_id`
FROM (
	SELECT 1 AS `folded`, `account_id`, `month`, `counterparty`, `category_id`, `incoming`, `usage`, `cents`, `count`
	FROM `monthly_counterparty_totals`
	UNION ALL
	SELECT 0, `account_id`, `month`, `counterparty`, `category_id`, `incoming`, `usage`, `cents`, `count`
	FROM `monthly_totals_pending` WHERE `counterparty` IS NOT NULL) m
LEFT JOIN (SELECT `id`, CASE WHEN `report_group` IS NULL THEN '' WHEN `report_group` = 'income' THEN 'income' WHEN `report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END AS `side` FROM `categories` WHERE `report_group` IS NOT NULL) s
	ON s.`id` = m.`category_id`;
--> statement-breakpoint
-- The movements by counterparty and side as they stand, folded and pending, over every account.
CREATE VIEW `current_monthly_counterparty_sides` AS
SELECT `month`, `counterparty`, `side`, `category_id`, `usage`, `cents`, `count` FROM `monthly_counterparty_sides`
UNION ALL
SELECT `month`, `counterparty`, `side`, `side_category_id`, `usage`, `cents`, `count`
FROM `counterparty_movement_sides` WHERE `folded` = 0;
--> statement-breakpoint
-- 0011's fold, which now also adds what is pending into the sides.
DROP TRIGGER `monthly_totals_pending_fold`;
--> statement-breakpoint
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
	INSERT INTO `monthly_counterparty_sides` (`month`, `counterparty`, `side`, `category_id`, `usage`, `cents`, `count`)
	SELECT `month`, `counterparty`, `side`, `side_category_id`, `usage`, sum(`cents`), sum(`count`)
	FROM `counterparty_movement_sides` WHERE `folded` = 0
	GROUP BY `month`, `counterparty`, `side`, `side_category_id`, `usage`
	HAVING sum(`count`) <> 0 OR sum(`cents`) <> 0
	ON CONFLICT DO UPDATE SET `cents` = `cents` + excluded.`cents`, `count` = `count` + excluded.`count`;
	DELETE FROM `monthly_totals`
	WHERE `count` = 0 AND `cents` = 0 AND (`account_id`, `month`, `category_id`, `incoming`, `usage`, `deductible`) IN
		(SELECT `account_id`, `month`, `category_id`, `incoming`, `usage`, `deductible` FROM `monthly_totals_pending` WHERE `count` < 0);
	DELETE FROM `monthly_counterparty_totals`
	WHERE `count` = 0 AND `cents` = 0 AND (`account_id`, `month`, `counterparty`, `category_id`, `incoming`, `usage`) IN
		(SELECT `account_id`, `month`, `counterparty`, `category_id`, `incoming`, `usage` FROM `monthly_totals_pending`
		 WHERE `count` < 0 AND `counterparty` IS NOT NULL);
	DELETE FROM `monthly_counterparty_sides`
	WHERE `count` = 0 AND `cents` = 0 AND (`month`, `counterparty`, `side`, `category_id`, `usage`) IN
		(SELECT `month`, `counterparty`, `side`, `side_category_id`, `usage` FROM `counterparty_movement_sides`
		 WHERE `folded` = 0 AND `count` < 0);
	DELETE FROM `monthly_totals_pending`;
END;
--> statement-breakpoint
-- 0011's count of new transactions, which now also counts them into the sides.
DROP TRIGGER `monthly_totals_state_count`;
--> statement-breakpoint
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
	INSERT INTO `monthly_counterparty_sides` (`month`, `counterparty`, `side`, `category_id`, `usage`, `cents`, `count`)
	SELECT m.`month`, m.`counterparty`,
		CASE WHEN m.`category_id` = '' THEN CASE WHEN m.`cents` >= 0 THEN 'income' ELSE 'expense' END
			ELSE coalesce(CASE WHEN c.`report_group` IS NULL THEN '' WHEN c.`report_group` = 'income' THEN 'income' WHEN c.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END, '') END,
		CASE WHEN m.`category_id` <> '' AND c.`report_group` IS NULL THEN m.`category_id` ELSE '' END,
		m.`usage`, sum(m.`cents`), count(*)
	FROM `report_movements` m LEFT JOIN `categories` c ON c.`id` = m.`category_id`
	WHERE m.`transaction_rowid` > OLD.`counted_through` AND m.`transaction_rowid` <= NEW.`counted_through`
		AND m.`counterparty` IS NOT NULL
	GROUP BY 1, 2, 3, 4, 5
	ON CONFLICT DO UPDATE SET `cents` = `cents` + excluded.`cents`, `count` = `count` + excluded.`count`;
END;
--> statement-breakpoint
/*
 * A category whose group moves it to another side moves its folded sums with it (what is
 * pending takes its side when folded): taken away where they were, added where they now
 * fall, and sums taken back to nothing gone. The same when a category the movements name
 * comes into the books, or leaves them.
 */
CREATE TRIGGER `categories_counterparty_sides_update` AFTER UPDATE OF `report_group` ON `categories`
WHEN (CASE WHEN OLD.`report_group` IS NULL THEN '' WHEN OLD.`report_group` = 'income' THEN 'income' WHEN OLD.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END) IS NOT (CASE WHEN NEW.`report_group` IS NULL THEN '' WHEN NEW.`report_group` = 'income' THEN 'income' WHEN NEW.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END)
BEGIN
	INSERT INTO `monthly_counterparty_sides` (`month`, `counterparty`, `side`, `category_id`, `usage`, `cents`, `count`)
	SELECT `month`, `counterparty`, (CASE WHEN OLD.`report_group` IS NULL THEN '' WHEN OLD.`report_group` = 'income' THEN 'income' WHEN OLD.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END), CASE WHEN (CASE WHEN OLD.`report_group` IS NULL THEN '' WHEN OLD.`report_group` = 'income' THEN 'income' WHEN OLD.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END) = '' THEN NEW.`id` ELSE '' END, `usage`, -sum(`cents`), -sum(`count`)
	FROM `monthly_counterparty_totals` WHERE `category_id` = NEW.`id` GROUP BY `month`, `counterparty`, `usage`
	ON CONFLICT DO UPDATE SET `cents` = `cents` + excluded.`cents`, `count` = `count` + excluded.`count`;
	INSERT INTO `monthly_counterparty_sides` (`month`, `counterparty`, `side`, `category_id`, `usage`, `cents`, `count`)
	SELECT `month`, `counterparty`, (CASE WHEN NEW.`report_group` IS NULL THEN '' WHEN NEW.`report_group` = 'income' THEN 'income' WHEN NEW.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END), CASE WHEN (CASE WHEN NEW.`report_group` IS NULL THEN '' WHEN NEW.`report_group` = 'income' THEN 'income' WHEN NEW.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END) = '' THEN NEW.`id` ELSE '' END, `usage`, sum(`cents`), sum(`count`)
	FROM `monthly_counterparty_totals` WHERE `category_id` = NEW.`id` GROUP BY `month`, `counterparty`, `usage`
	ON CONFLICT DO UPDATE SET `cents` = `cents` + excluded.`cents`, `count` = `count` + excluded.`count`;
	DELETE FROM `monthly_counterparty_sides`
	WHERE `count` = 0 AND `cents` = 0 AND (`month`, `counterparty`, `side`, `category_id`, `usage`) IN
		(SELECT `month`, `counterparty`, (CASE WHEN OLD.`report_group` IS NULL THEN '' WHEN OLD.`report_group` = 'income' THEN 'income' WHEN OLD.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END), CASE WHEN (CASE WHEN OLD.`report_group` IS NULL THEN '' WHEN OLD.`report_group` = 'income' THEN 'income' WHEN OLD.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END) = '' THEN NEW.`id` ELSE '' END, `usage`
		 FROM `monthly_counterparty_totals` WHERE `category_id` = NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `categories_counterparty_sides_insert` AFTER INSERT ON `categories`
WHEN NEW.`report_group` IS NOT NULL
BEGIN
	INSERT INTO `monthly_counterparty_sides` (`month`, `counterparty`, `side`, `category_id`, `usage`, `cents`, `count`)
	SELECT `month`, `counterparty`, '', NEW.`id`, `usage`, -sum(`cents`), -sum(`count`)
	FROM `monthly_counterparty_totals` WHERE `category_id` = NEW.`id` GROUP BY `month`, `counterparty`, `usage`
	ON CONFLICT DO UPDATE SET `cents` = `cents` + excluded.`cents`, `count` = `count` + excluded.`count`;
	INSERT INTO `monthly_counterparty_sides` (`month`, `counterparty`, `side`, `category_id`, `usage`, `cents`, `count`)
	SELECT `month`, `counterparty`, (CASE WHEN NEW.`report_group` IS NULL THEN '' WHEN NEW.`report_group` = 'income' THEN 'income' WHEN NEW.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END), CASE WHEN (CASE WHEN NEW.`report_group` IS NULL THEN '' WHEN NEW.`report_group` = 'income' THEN 'income' WHEN NEW.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END) = '' THEN NEW.`id` ELSE '' END, `usage`, sum(`cents`), sum(`count`)
	FROM `monthly_counterparty_totals` WHERE `category_id` = NEW.`id` GROUP BY `month`, `counterparty`, `usage`
	ON CONFLICT DO UPDATE SET `cents` = `cents` + excluded.`cents`, `count` = `count` + excluded.`count`;
	DELETE FROM `monthly_counterparty_sides`
	WHERE `count` = 0 AND `cents` = 0 AND (`month`, `counterparty`, `side`, `category_id`, `usage`) IN
		(SELECT `month`, `counterparty`, '', NEW.`id`, `usage`
		 FROM `monthly_counterparty_totals` WHERE `category_id` = NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `categories_counterparty_sides_delete` AFTER DELETE ON `categories`
WHEN OLD.`report_group` IS NOT NULL
BEGIN
	INSERT INTO `monthly_counterparty_sides` (`month`, `counterparty`, `side`, `category_id`, `usage`, `cents`, `count`)
	SELECT `month`, `counterparty`, (CASE WHEN OLD.`report_group` IS NULL THEN '' WHEN OLD.`report_group` = 'income' THEN 'income' WHEN OLD.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END), CASE WHEN (CASE WHEN OLD.`report_group` IS NULL THEN '' WHEN OLD.`report_group` = 'income' THEN 'income' WHEN OLD.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END) = '' THEN OLD.`id` ELSE '' END, `usage`, -sum(`cents`), -sum(`count`)
	FROM `monthly_counterparty_totals` WHERE `category_id` = OLD.`id` GROUP BY `month`, `counterparty`, `usage`
	ON CONFLICT DO UPDATE SET `cents` = `cents` + excluded.`cents`, `count` = `count` + excluded.`count`;
	INSERT INTO `monthly_counterparty_sides` (`month`, `counterparty`, `side`, `category_id`, `usage`, `cents`, `count`)
	SELECT `month`, `counterparty`, '', OLD.`id`, `usage`, sum(`cents`), sum(`count`)
	FROM `monthly_counterparty_totals` WHERE `category_id` = OLD.`id` GROUP BY `month`, `counterparty`, `usage`
	ON CONFLICT DO UPDATE SET `cents` = `cents` + excluded.`cents`, `count` = `count` + excluded.`count`;
	DELETE FROM `monthly_counterparty_sides`
	WHERE `count` = 0 AND `cents` = 0 AND (`month`, `counterparty`, `side`, `category_id`, `usage`) IN
		(SELECT `month`, `counterparty`, (CASE WHEN OLD.`report_group` IS NULL THEN '' WHEN OLD.`report_group` = 'income' THEN 'income' WHEN OLD.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END), CASE WHEN (CASE WHEN OLD.`report_group` IS NULL THEN '' WHEN OLD.`report_group` = 'income' THEN 'income' WHEN OLD.`report_group` IN ('transfer', 'investment') THEN 'none' ELSE 'expense' END) = '' THEN OLD.`id` ELSE '' END, `usage`
		 FROM `monthly_counterparty_totals` WHERE `category_id` = OLD.`id`);
END;
--> statement-breakpoint
-- The books as they stand.
INSERT INTO `monthly_counterparty_sides` (`month`, `counterparty`, `side`, `category_id`, `usage`, `cents`, `count`)
SELECT `month`, `counterparty`, `side`, `side_category_id`, `usage`, sum(`cents`), sum(`count`)
FROM `counterparty_movement_sides` WHERE `folded` = 1
GROUP BY `month`, `counterparty`, `side`, `side_category_id`, `usage`
HAVING sum(`count`) <> 0 OR sum(`cents`) <> 0;
