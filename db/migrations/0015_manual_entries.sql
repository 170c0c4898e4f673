-- Own entries (issue 19): manual accounts and transactions, and statement files imported.
-- A manual account lives under a connection of its own with mode 'manual' (no new table:
-- every screen, report and export already reads an account through its connection).
-- Transactions gain what ties the user's own rows together: the import that brought them
-- (undone as a whole), the statement's own id for a row (an OFX FITID, seen once per
-- account) and the transfer whose side they are. Only transfers get an index, partial, so
-- the bank's rows cost a sync nothing: an import reads the account's rows around its days
-- anyway, and each index would cost every imported row a B-tree write. The columns are
-- added empty, so this migration is instant however large the books are.
CREATE TABLE `csv_mappings` (
	`account_id` text PRIMARY KEY NOT NULL,
	`options` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `statement_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`added_count` integer NOT NULL,
	`skipped_count` integer NOT NULL,
	`replaced_opening` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`undone_at` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `statement_imports_account_idx` ON `statement_imports` (`account_id`);--> statement-breakpoint
ALTER TABLE `accounts` ADD `opening_balance_cents` integer;--> statement-breakpoint
ALTER TABLE `accounts` ADD `opening_balance_date` text;--> statement-breakpoint
ALTER TABLE `transactions` ADD `import_id` text;--> statement-breakpoint
ALTER TABLE `transactions` ADD `external_id` text;--> statement-breakpoint
ALTER TABLE `transactions` ADD `transfer_id` text;--> statement-breakpoint
CREATE INDEX `transactions_transfer_idx` ON `transactions` (`transfer_id`) WHERE transfer_id IS NOT NULL;