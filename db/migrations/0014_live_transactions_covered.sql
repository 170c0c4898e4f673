-- The live transactions' date index (0012) holds, after the date, every column the
-- transactions page's filters, count, totals and sorts read, as the listing index (0005)
-- does after the account. A period with no account named (most pages: a month, maybe a
-- category, a direction, pending or an amount range, any sort) was read through the
-- listing index, one account at a time, each entry checked for removal: a dense month
-- (83k of 1M rows in a 1-year item) cost ~7 ms to count and 15–25 ms filtered by category.
-- Here it is one run of entries between two dates, live ones only: about half that. The
-- listing index stays for named accounts, an account's register and a sort by account.
-- Led by the date as before, so sync writes its entries where it wrote the date's.
DROP INDEX `transactions_date_idx`;--> statement-breakpoint
CREATE INDEX `transactions_date_idx` ON `transactions` (`date`,`account_id`,`status`,`amount_cents`,`amount_in_account_currency_cents`,`pluggy_category_id`,`user_category_id`,`user_usage`,`description`) WHERE removed_at IS NULL;
