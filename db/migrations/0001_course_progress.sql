CREATE TABLE `cohort_modules` (
	`id` text PRIMARY KEY NOT NULL,
	`cohort_id` text NOT NULL,
	`module_slug` text NOT NULL,
	`position` integer NOT NULL,
	`opens_on` text NOT NULL,
	`due_on` text,
	`required` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`cohort_id`) REFERENCES `cohorts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cohort_modules_cohort_module_idx` ON `cohort_modules` (`cohort_id`,`module_slug`);--> statement-breakpoint
CREATE TABLE `knowledge_check_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`fellow_id` text NOT NULL,
	`module_slug` text NOT NULL,
	`answers` text NOT NULL,
	`correct` integer NOT NULL,
	`total` integer NOT NULL,
	`score_percent` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`fellow_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `kc_attempts_fellow_module_idx` ON `knowledge_check_attempts` (`fellow_id`,`module_slug`,`created_at`);--> statement-breakpoint
CREATE TABLE `module_completions` (
	`fellow_id` text NOT NULL,
	`module_slug` text NOT NULL,
	`completed_at` integer NOT NULL,
	PRIMARY KEY(`fellow_id`, `module_slug`),
	FOREIGN KEY (`fellow_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reflections` (
	`fellow_id` text NOT NULL,
	`module_slug` text NOT NULL,
	`reflection_id` text NOT NULL,
	`text` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`fellow_id`, `module_slug`, `reflection_id`),
	FOREIGN KEY (`fellow_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `section_progress` (
	`fellow_id` text NOT NULL,
	`module_slug` text NOT NULL,
	`section_id` text NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`fellow_id`, `module_slug`, `section_id`),
	FOREIGN KEY (`fellow_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
