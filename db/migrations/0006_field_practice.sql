CREATE TABLE `agreement_goals` (
	`id` text PRIMARY KEY NOT NULL,
	`agreement_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`activities` text NOT NULL,
	`evidence` text NOT NULL,
	`module_slug` text,
	FOREIGN KEY (`agreement_id`) REFERENCES `learning_agreements`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agreement_goals_agreement_idx` ON `agreement_goals` (`agreement_id`,`position`);--> statement-breakpoint
CREATE TABLE `learning_agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`fellow_id` text NOT NULL,
	`version` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`organization_name` text,
	`hours_per_week` integer NOT NULL,
	`mentor_comment` text,
	`mentor_id` text,
	`submitted_at` integer,
	`approved_at` integer,
	`approved_by_id` text,
	`signed_at` integer,
	`superseded_at` integer,
	`row_version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`fellow_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`mentor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`approved_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `learning_agreements_fellow_version_idx` ON `learning_agreements` (`fellow_id`,`version`);--> statement-breakpoint
CREATE INDEX `learning_agreements_status_idx` ON `learning_agreements` (`status`);--> statement-breakpoint
CREATE TABLE `practice_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`fellow_id` text NOT NULL,
	`date` text NOT NULL,
	`quarters` integer NOT NULL,
	`kind` text NOT NULL,
	`goal_id` text,
	`description` text NOT NULL,
	`status` text DEFAULT 'waiting' NOT NULL,
	`mentor_comment` text,
	`reviewed_by_id` text,
	`reviewed_at` integer,
	`supervision_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`fellow_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`goal_id`) REFERENCES `agreement_goals`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reviewed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`supervision_id`) REFERENCES `supervision_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `practice_entries_fellow_date_idx` ON `practice_entries` (`fellow_id`,`date`);--> statement-breakpoint
CREATE INDEX `practice_entries_status_idx` ON `practice_entries` (`status`,`fellow_id`);--> statement-breakpoint
CREATE TABLE `practice_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`fellow_id` text NOT NULL,
	`agreement_id` text NOT NULL,
	`stage` text NOT NULL,
	`self_assessment` text NOT NULL,
	`self_submitted_at` integer,
	`ratings` text NOT NULL,
	`mentor_id` text,
	`released_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`fellow_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`agreement_id`) REFERENCES `learning_agreements`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`mentor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `practice_reviews_fellow_stage_idx` ON `practice_reviews` (`fellow_id`,`stage`);--> statement-breakpoint
CREATE TABLE `supervision_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `supervision_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `supervision_actions_session_idx` ON `supervision_actions` (`session_id`);--> statement-breakpoint
CREATE TABLE `supervision_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`fellow_id` text NOT NULL,
	`recorded_by_id` text,
	`date` text NOT NULL,
	`quarters` integer NOT NULL,
	`topics` text NOT NULL,
	`fellow_reflection` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`fellow_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `supervision_sessions_fellow_idx` ON `supervision_sessions` (`fellow_id`,`date`);