DROP INDEX `transactions_date_idx`;--> statement-breakpoint
CREATE INDEX `transactions_date_idx` ON `transactions` (`date`) WHERE removed_at IS NULL;