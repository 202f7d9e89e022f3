ALTER TABLE `enrollments` ADD `ended_at` integer;--> statement-breakpoint
ALTER TABLE `enrollments` ADD `end_reason` text;--> statement-breakpoint
CREATE INDEX `enrollments_cohort_status_idx` ON `enrollments` (`cohort_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `enrollments_one_active_idx` ON `enrollments` (`fellow_id`) WHERE status = 'active';--> statement-breakpoint
ALTER TABLE `organizations` ADD `contact_phone` text;