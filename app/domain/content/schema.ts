import { z } from "zod";

/** Stable ids shared by English and its translations: progress and grades refer to them. */
export const stableId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case letters, digits and hyphens");

const text = z.string().trim().min(1);

export const RubricLevelSchema = z.object({
  points: z.number().int().min(0),
  label: text,
  description: text,
});

export const RubricCriterionSchema = z.object({
  id: stableId,
  title: text,
  levels: z
    .array(RubricLevelSchema)
    .min(3)
    .max(4)
    .refine((levels) => levels.every((l, i) => i === 0 || l.points > levels[i - 1].points), {
      message: "levels go from lowest to highest points",
    }),
});

export const AssignmentSchema = z
  .object({
    key: stableId,
    title: text,
    instructions: text,
    suggestedLength: z.object({ minWords: z.number().int().positive(), maxWords: z.number().int().positive() }),
    passMark: z.number().int().min(0),
    rubric: z.array(RubricCriterionSchema).min(3).max(5),
  })
  .refine((a) => a.passMark <= a.rubric.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.points)), 0), {
    message: "passMark is more than the rubric's maximum",
    path: ["passMark"],
  });

export const CompletionSchema = z.object({
  allSectionsRead: z.boolean(),
  knowledgeCheckMinScore: z.number().int().min(0).max(100).nullable(),
  assignmentApproved: z.boolean(),
});

export const FrontmatterSchema = z.object({
  title: text,
  summary: text,
  estimatedMinutes: z.number().int().positive().max(600),
  learningOutcomes: z.array(text).min(2).max(8),
  assignment: AssignmentSchema,
  completion: CompletionSchema,
});

/** Translations carry the same shape; completion rules always come from English. */
export const TranslationFrontmatterSchema = FrontmatterSchema.extend({
  completion: CompletionSchema.optional(),
});

export type Frontmatter = z.infer<typeof FrontmatterSchema>;
export type Assignment = z.infer<typeof AssignmentSchema>;
export type CompletionRules = z.infer<typeof CompletionSchema>;

export const QuestionSchema = z
  .object({
    id: stableId,
    type: z.enum(["single", "multiple"]),
    prompt: text,
    options: z.array(z.object({ id: stableId, text: text })).min(2).max(8),
    answer: z.union([stableId, z.array(stableId).min(1)]),
    explanation: text,
  })
  .superRefine((q, ctx) => {
    const ids = q.options.map((o) => o.id);
    const answers = Array.isArray(q.answer) ? q.answer : [q.answer];
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", message: "option ids repeat", path: ["options"] });
    if (q.type === "single" && Array.isArray(q.answer)) ctx.addIssue({ code: "custom", message: "a single-choice question has one answer", path: ["answer"] });
    for (const a of answers) {
      if (!ids.includes(a)) ctx.addIssue({ code: "custom", message: `answer "${a}" is not an option`, path: ["answer"] });
    }
  });

export type Question = z.infer<typeof QuestionSchema>;

export const ReflectionPropsSchema = z.object({ id: stableId, prompt: text });
export const CalloutPropsSchema = z.object({ type: z.enum(["note", "tip", "warning"]), title: z.string().optional() });
export const CaseStudyPropsSchema = z.object({
  title: text,
  location: text,
  people: z.array(text).min(1),
  questions: z.array(text).min(1),
});
export const KeyTermPropsSchema = z.object({ term: text });
export const FigurePropsSchema = z.object({
  src: z.string().regex(/^[\w.-]+\.(svg|png|jpe?g|webp)$/, "a file beside the module, like diagram.svg"),
  alt: text,
  caption: z.string().optional(),
});
export const VideoPropsSchema = z.object({
  href: z.string().url(),
  title: text,
  poster: z.string().regex(/^[\w.-]+\.(png|jpe?g|webp)$/).optional(),
});

/** What the build writes for one module in one language. */
export type CompiledLocale = {
  locale: string;
  /** False for a translation of the frontmatter alone: the body is then read in English. */
  bodyTranslated: boolean;
  frontmatter: z.infer<typeof TranslationFrontmatterSchema>;
  sections: Array<{ id: string; title: string }>;
  html: string;
  questions: Question[];
  reflections: Array<{ id: string; prompt: string }>;
  keyTerms: Array<{ term: string; definition: string; sectionId: string | null }>;
  words: number;
};

export type CompiledModule = {
  slug: string;
  number: number;
  hash: string;
  completion: CompletionRules;
  locales: Record<string, CompiledLocale>;
};
