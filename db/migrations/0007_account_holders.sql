CREATE TABLE `account_holders` (
	`connection_id` text PRIMARY KEY NOT NULL,
	`name` text,
	`document` text,
	`document_type` text,
	`fetched_at` text NOT NULL,
	FOREIGN KEY (`connection_id`) REFERENCES `connections`(`id`) ON UPDATE no action ON DELETE cascade
);
