CREATE TABLE `institution_logos` (
	`connector_id` integer PRIMARY KEY NOT NULL,
	`image_url` text NOT NULL,
	`data_uri` text NOT NULL,
	`fetched_at` text NOT NULL
);
