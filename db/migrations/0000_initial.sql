CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` text NOT NULL,
	`type` text NOT NULL,
	`subtype` text,
	`name` text NOT NULL,
	`marketing_name` text,
	`number` text,
	`currency_code` text DEFAULT 'BRL' NOT NULL,
	`balance_cents` integer DEFAULT 0 NOT NULL,
	`balance_date` text,
	`credit_limit_cents` integer,
	`available_credit_limit_cents` integer,
	`balance_close_date` text,
	`balance_due_date` text,
	`transactions_synced_through` text,
	`closed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`connection_id`) REFERENCES `connections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `accounts_connection_idx` ON `accounts` (`connection_id`);--> statement-breakpoint
CREATE TABLE `categories` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_id` text,
	`source` text NOT NULL,
	`name_en` text NOT NULL,
	`name_pt` text NOT NULL,
	`report_group` text,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `categories_parent_idx` ON `categories` (`parent_id`);--> statement-breakpoint
CREATE TABLE `connections` (
	`id` text PRIMARY KEY NOT NULL,
	`connector_id` integer NOT NULL,
	`connector_name` text NOT NULL,
	`connector_image_url` text,
	`connector_primary_color` text,
	`status` text NOT NULL,
	`execution_status` text,
	`error_code` text,
	`error_message` text,
	`snapshot` text,
	`last_updated_at` text,
	`synced_last_updated_at` text,
	`consent_expires_at` text,
	`next_auto_sync_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`removed_at` text
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`connection_id` text NOT NULL,
	`trigger` text NOT NULL,
	`status` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`removed` integer DEFAULT 0 NOT NULL,
	`error_code` text,
	`error_message` text,
	FOREIGN KEY (`connection_id`) REFERENCES `connections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sync_runs_connection_idx` ON `sync_runs` (`connection_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `transaction_splits` (
	`transaction_id` text NOT NULL,
	`position` integer NOT NULL,
	`category_id` text,
	`amount_cents` integer NOT NULL,
	`note` text,
	PRIMARY KEY(`transaction_id`, `position`),
	FOREIGN KEY (`transaction_id`) REFERENCES `transactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `transaction_user_data` (
	`transaction_id` text PRIMARY KEY NOT NULL,
	`category_id` text,
	`category_source` text,
	`counterparty_display_name` text,
	`notes` text,
	`tags` text,
	`usage` text,
	`deductible` integer,
	`cleared_at` text,
	`reconciled_at` text,
	`updated_at` text,
	FOREIGN KEY (`transaction_id`) REFERENCES `transactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transaction_user_data_category_idx` ON `transaction_user_data` (`category_id`);--> statement-breakpoint
CREATE TABLE `transactions` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`description` text NOT NULL,
	`description_raw` text,
	`amount_cents` integer NOT NULL,
	`currency_code` text NOT NULL,
	`amount_in_account_currency_cents` integer,
	`date` text NOT NULL,
	`occurred_at` text NOT NULL,
	`status` text NOT NULL,
	`type` text,
	`pluggy_category_id` text,
	`payment_method` text,
	`counterparty_name` text,
	`counterparty_document` text,
	`counterparty_document_type` text,
	`merchant_name` text,
	`merchant_cnpj` text,
	`installment_number` integer,
	`total_installments` integer,
	`provider_created_at` text,
	`provider_updated_at` text,
	`raw` text,
	`first_seen_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	`removed_at` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transactions_account_date_idx` ON `transactions` (`account_id`,`date`);--> statement-breakpoint
CREATE INDEX `transactions_date_idx` ON `transactions` (`date`);