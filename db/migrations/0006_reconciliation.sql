CREATE TABLE `credit_card_bills` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`closing_date` text,
	`due_date` text NOT NULL,
	`total_cents` integer NOT NULL,
	`currency_code` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_card_bills_account_idx` ON `credit_card_bills` (`account_id`,`due_date`);--> statement-breakpoint
CREATE TABLE `reconciliation_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`transaction_id` text NOT NULL,
	`reconciliation_id` integer NOT NULL,
	`kind` text NOT NULL,
	`incoming` text,
	`detected_at` text NOT NULL,
	`resolved_at` text,
	`resolution` text,
	FOREIGN KEY (`transaction_id`) REFERENCES `transactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reconciliation_id`) REFERENCES `reconciliations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reconciliation_conflicts_open_idx` ON `reconciliation_conflicts` (`transaction_id`) WHERE resolved_at IS NULL;--> statement-breakpoint
CREATE INDEX `reconciliation_conflicts_reconciliation_idx` ON `reconciliation_conflicts` (`reconciliation_id`);--> statement-breakpoint
CREATE INDEX `reconciliation_conflicts_kept_idx` ON `reconciliation_conflicts` (`transaction_id`,`resolution`,`kind`);--> statement-breakpoint
CREATE TABLE `reconciliation_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reconciliation_id` integer NOT NULL,
	`transaction_id` text NOT NULL,
	`kind` text NOT NULL,
	`detail` text,
	`at` text NOT NULL,
	FOREIGN KEY (`reconciliation_id`) REFERENCES `reconciliations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reconciliation_events_reconciliation_idx` ON `reconciliation_events` (`reconciliation_id`);--> statement-breakpoint
CREATE TABLE `reconciliation_items` (
	`reconciliation_id` integer NOT NULL,
	`transaction_id` text NOT NULL,
	`amount_cents` integer,
	`created_user_data` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`reconciliation_id`, `transaction_id`),
	FOREIGN KEY (`reconciliation_id`) REFERENCES `reconciliations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`transaction_id`) REFERENCES `transactions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reconciliation_items_transaction_idx` ON `reconciliation_items` (`transaction_id`);--> statement-breakpoint
CREATE TABLE `reconciliations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` text NOT NULL,
	`status` text NOT NULL,
	`statement_date` text NOT NULL,
	`statement_balance_cents` integer NOT NULL,
	`opening_balance_cents` integer NOT NULL,
	`cleared_total_cents` integer,
	`difference_cents` integer,
	`adjustment_transaction_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL,
	`finished_at` text,
	`finished_by` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`adjustment_transaction_id`) REFERENCES `transactions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reconciliations_account_idx` ON `reconciliations` (`account_id`,`status`,`statement_date`);--> statement-breakpoint
CREATE UNIQUE INDEX `reconciliations_one_draft_idx` ON `reconciliations` (`account_id`) WHERE status = 'draft';--> statement-breakpoint
ALTER TABLE `transactions` ADD `origin` text DEFAULT 'bank' NOT NULL;--> statement-breakpoint
/*
 * Locked means locked (issue 7). Sync may not silently alter a reconciled transaction: a
 * change to its statement fields (date, description, amounts, currency, status), its
 * removal, or its return after a removal the user accepted, is held back as a conflict
 * for the user to review, and the row's update is skipped (RAISE(IGNORE) drops this row's
 * change only; the conflict written before it stays). Other provider fields (Pluggy's
 * category, merchant, raw JSON) still update. A bank version the user chose to keep away
 * from is not asked about again. Accepting a bank version lifts the lock for that one
 * statement (books/reconciliation/conflicts.ts).
 */
CREATE TRIGGER `transactions_reconciled_change`
BEFORE UPDATE OF `date`, `description`, `amount_cents`, `amount_in_account_currency_cents`, `currency_code`, `status`
ON `transactions`
WHEN OLD.`removed_at` IS NULL AND NEW.`removed_at` IS NULL
  AND (NEW.`date` IS NOT OLD.`date` OR NEW.`description` IS NOT OLD.`description`
    OR NEW.`amount_cents` IS NOT OLD.`amount_cents`
    OR NEW.`amount_in_account_currency_cents` IS NOT OLD.`amount_in_account_currency_cents`
    OR NEW.`currency_code` IS NOT OLD.`currency_code` OR NEW.`status` IS NOT OLD.`status`)
  AND EXISTS (SELECT 1 FROM `transaction_user_data` u WHERE u.`transaction_id` = OLD.`id` AND u.`reconciled_at` IS NOT NULL)
BEGIN
  UPDATE `reconciliation_conflicts`
     SET `kind` = 'changed',
         `incoming` = json_object('date', NEW.`date`, 'description', NEW.`description`,
           'amountCents', NEW.`amount_cents`, 'amountInAccountCurrencyCents', NEW.`amount_in_account_currency_cents`,
           'currencyCode', NEW.`currency_code`, 'status', NEW.`status`),
         `detected_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
   WHERE `transaction_id` = OLD.`id` AND `resolved_at` IS NULL;
  INSERT INTO `reconciliation_conflicts` (`transaction_id`, `reconciliation_id`, `kind`, `incoming`, `detected_at`)
  SELECT OLD.`id`, i.`reconciliation_id`, 'changed',
         json_object('date', NEW.`date`, 'description', NEW.`description`,
           'amountCents', NEW.`amount_cents`, 'amountInAccountCurrencyCents', NEW.`amount_in_account_currency_cents`,
           'currencyCode', NEW.`currency_code`, 'status', NEW.`status`),
         strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM `reconciliation_items` i
    JOIN `reconciliations` r ON r.`id` = i.`reconciliation_id` AND r.`status` = 'finished'
   WHERE i.`transaction_id` = OLD.`id`
     AND NOT EXISTS (SELECT 1 FROM `reconciliation_conflicts` c WHERE c.`transaction_id` = OLD.`id` AND c.`resolved_at` IS NULL)
     AND NOT EXISTS (SELECT 1 FROM `reconciliation_conflicts` c
                      WHERE c.`transaction_id` = OLD.`id` AND c.`resolution` = 'keep' AND c.`kind` = 'changed'
                        AND c.`incoming` = json_object('date', NEW.`date`, 'description', NEW.`description`,
                          'amountCents', NEW.`amount_cents`, 'amountInAccountCurrencyCents', NEW.`amount_in_account_currency_cents`,
                          'currencyCode', NEW.`currency_code`, 'status', NEW.`status`));
  SELECT RAISE(IGNORE);
END;
--> statement-breakpoint
CREATE TRIGGER `transactions_reconciled_removal`
BEFORE UPDATE OF `removed_at` ON `transactions`
WHEN OLD.`removed_at` IS NULL AND NEW.`removed_at` IS NOT NULL
  AND EXISTS (SELECT 1 FROM `transaction_user_data` u WHERE u.`transaction_id` = OLD.`id` AND u.`reconciled_at` IS NOT NULL)
BEGIN
  UPDATE `reconciliation_conflicts`
     SET `kind` = 'removed', `incoming` = NULL, `detected_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
   WHERE `transaction_id` = OLD.`id` AND `resolved_at` IS NULL;
  INSERT INTO `reconciliation_conflicts` (`transaction_id`, `reconciliation_id`, `kind`, `incoming`, `detected_at`)
  SELECT OLD.`id`, i.`reconciliation_id`, 'removed', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM `reconciliation_items` i
    JOIN `reconciliations` r ON r.`id` = i.`reconciliation_id` AND r.`status` = 'finished'
   WHERE i.`transaction_id` = OLD.`id`
     AND NOT EXISTS (SELECT 1 FROM `reconciliation_conflicts` c WHERE c.`transaction_id` = OLD.`id` AND c.`resolved_at` IS NULL)
     AND NOT EXISTS (SELECT 1 FROM `reconciliation_conflicts` c
                      WHERE c.`transaction_id` = OLD.`id` AND c.`resolution` = 'keep' AND c.`kind` = 'removed');
  SELECT RAISE(IGNORE);
END;
--> statement-breakpoint
CREATE TRIGGER `transactions_reconciled_return`
BEFORE UPDATE OF `removed_at` ON `transactions`
WHEN OLD.`removed_at` IS NOT NULL AND NEW.`removed_at` IS NULL
  AND EXISTS (SELECT 1 FROM `transaction_user_data` u WHERE u.`transaction_id` = OLD.`id` AND u.`reconciled_at` IS NOT NULL)
BEGIN
  UPDATE `reconciliation_conflicts`
     SET `kind` = 'restored',
         `incoming` = json_object('date', NEW.`date`, 'description', NEW.`description`,
           'amountCents', NEW.`amount_cents`, 'amountInAccountCurrencyCents', NEW.`amount_in_account_currency_cents`,
           'currencyCode', NEW.`currency_code`, 'status', NEW.`status`),
         `detected_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
   WHERE `transaction_id` = OLD.`id` AND `resolved_at` IS NULL;
  INSERT INTO `reconciliation_conflicts` (`transaction_id`, `reconciliation_id`, `kind`, `incoming`, `detected_at`)
  SELECT OLD.`id`, i.`reconciliation_id`, 'restored',
         json_object('date', NEW.`date`, 'description', NEW.`description`,
           'amountCents', NEW.`amount_cents`, 'amountInAccountCurrencyCents', NEW.`amount_in_account_currency_cents`,
           'currencyCode', NEW.`currency_code`, 'status', NEW.`status`),
         strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM `reconciliation_items` i
    JOIN `reconciliations` r ON r.`id` = i.`reconciliation_id` AND r.`status` = 'finished'
   WHERE i.`transaction_id` = OLD.`id`
     AND NOT EXISTS (SELECT 1 FROM `reconciliation_conflicts` c WHERE c.`transaction_id` = OLD.`id` AND c.`resolved_at` IS NULL)
     AND NOT EXISTS (SELECT 1 FROM `reconciliation_conflicts` c
                      WHERE c.`transaction_id` = OLD.`id` AND c.`resolution` = 'keep' AND c.`kind` = 'restored'
                        AND c.`incoming` = json_object('date', NEW.`date`, 'description', NEW.`description`,
                          'amountCents', NEW.`amount_cents`, 'amountInAccountCurrencyCents', NEW.`amount_in_account_currency_cents`,
                          'currencyCode', NEW.`currency_code`, 'status', NEW.`status`));
  SELECT RAISE(IGNORE);
END;
