ALTER TABLE `accounts` ADD `nickname` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `hidden_at` text;--> statement-breakpoint
ALTER TABLE `connections` ADD `mode` text DEFAULT 'own' NOT NULL;--> statement-breakpoint
-- Connections made before modes were recorded: demo mode only ever offered the sandbox's
-- own banks, so a connection to a sandbox connector is demo data.
UPDATE `connections` SET `mode` = 'demo' WHERE json_extract(`snapshot`, '$.connector.isSandbox') = 1;
