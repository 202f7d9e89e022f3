CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`fellow_id` text NOT NULL,
	`cohort_id` text NOT NULL,
	`snapshot` text NOT NULL,
	`issued_by_id` text,
	`issued_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_by_id` text,
	`revoke_reason` text,
	`replaces_id` text,
	FOREIGN KEY (`fellow_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`issued_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`revoked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_code_unique` ON `certificates` (`code`);--> statement-breakpoint
CREATE INDEX `certificates_fellow_idx` ON `certificates` (`fellow_id`);--> statement-breakpoint
CREATE INDEX `certificates_cohort_idx` ON `certificates` (`cohort_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_one_valid_idx` ON `certificates` (`fellow_id`,`cohort_id`) WHERE revoked_at is null;--> statement-breakpoint
ALTER TABLE `cohorts` ADD `auto_issue_by_id` text REFERENCES users(id);