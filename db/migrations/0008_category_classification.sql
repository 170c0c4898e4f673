ALTER TABLE `categories` ADD `report_group_set_at` text;--> statement-breakpoint
ALTER TABLE `categories` ADD `report_group_review` text;--> statement-breakpoint
-- A subcategory of the user's made without a group reports in its parent's, as new ones do:
-- only a top-level category can be left without one (the review screen asks about it).
UPDATE `categories` SET `report_group` = (SELECT `parent`.`report_group` FROM `categories` `parent` WHERE `parent`.`id` = `categories`.`parent_id`)
WHERE `source` = 'user' AND `report_group` IS NULL AND `parent_id` IS NOT NULL;
