CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`submission_id` text NOT NULL,
	`mentor_id` text,
	`rubric` text NOT NULL,
	`pass_mark` integer NOT NULL,
	`levels` text NOT NULL,
	`criterion_comments` text NOT NULL,
	`feedback` text DEFAULT '' NOT NULL,
	`decision` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`released_at` integer,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_submission_id_unique` ON `reviews` (`submission_id`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`fellow_id` text NOT NULL,
	`module_slug` text NOT NULL,
	`assignment_key` text NOT NULL,
	`attempt` integer NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`mentor_id` text,
	`late` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_at` integer,
	FOREIGN KEY (`fellow_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`mentor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_attempt_idx` ON `submissions` (`fellow_id`,`module_slug`,`attempt`);--> statement-breakpoint
CREATE INDEX `submissions_mentor_status_idx` ON `submissions` (`mentor_id`,`status`,`submitted_at`);