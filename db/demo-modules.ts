/** The curriculum's modules in order, as the demo cohorts schedule them (the first nine required, the tenth optional). */
export const DEMO_MODULE_SLUGS = [
  "rights-based-social-work",
  "person-centred-practice",
  "community-needs-assessment",
  "water-sanitation-health",
  "health-and-social-care-after-covid",
  "working-across-languages-and-cultures",
  "cso-local-authority-partnership",
  "green-inclusive-recovery",
  "ethics-supervision-self-care",
  "leading-a-cso",
] as const;

export const DEMO_REQUIRED_MODULES = DEMO_MODULE_SLUGS.slice(0, 9);
