/**
 * Keyboard-only helpers: move focus with the keyboard alone, and check at every
 * stop that a sighted keyboard user can see where focus is (WCAG 2.4.7, 2.4.11).
 */
import { expect, type Locator, type Page } from "@playwright/test";

/**
 * What has focus, in a few words for failure messages (`tag[role] "name"`), and
 * why its focus cannot be seen, or null when it can: it needs an outline (or a
 * box-shadow ring) at least 2px wide whose colour contrasts 3:1 with the
 * background around it, and it must be on screen and not covered.
 */
export function focusState(page: Page): Promise<{ description: string; problem: string | null }> {
  return page.evaluate(inspectFocus);
}

/**
 * Every control on the page that can take focus, focused one by one (after a
 * first Tab, so the browser shows focus as it does for the keyboard): what
 * `inspectFocus` finds wrong with each.
 */
export function focusProblemsOfEveryControl(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const inspect = ${inspectFocus.toString()};
    const problems = [];
    const controls = document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]');
    for (const el of controls) {
      if (el.tabIndex < 0 || el.disabled || el.getClientRects().length === 0) continue;
      el.focus();
      if (document.activeElement !== el) continue;
      const { description, problem } = inspect();
      if (problem) problems.push(description + ": " + problem);
    }
    return problems;
  })()`);
}

/** Runs in the page: see `focusState`. Self-contained, as the page gets its source. */
function inspectFocus(): { description: string; problem: string | null } {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return { description: "(body)", problem: "nothing has focus" };
  const labelledBy = (el.getAttribute("aria-labelledby") ?? "")
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ")
    .trim();
  const labels = "labels" in el ? Array.from((el as HTMLInputElement).labels ?? []) : [];
  const name = (el.getAttribute("aria-label") || labelledBy || labels.map((l) => l.textContent ?? "").join(" ") || el.textContent || el.getAttribute("value") || "")
    .replace(/\s+/g, " ")
    .trim();
  const role = el.getAttribute("role") ?? (el.getAttribute("type") ? `type=${el.getAttribute("type")}` : "");
  const description = `${el.tagName.toLowerCase()}${role ? `[${role}]` : ""} "${name.slice(0, 60)}"`;
  const problem = (() => {
    const parse = (c: string) => {
      const m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
      return m ? { rgb: [Number(m[1]), Number(m[2]), Number(m[3])], alpha: m[4] === undefined ? 1 : Number(m[4]) } : null;
    };
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: number[], b: number[]) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    // The outline is drawn outside the element (it has an offset): what lies behind it is the parents' background.
    let background = [255, 255, 255];
    for (let node = el.parentElement; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg.alpha > 0.5) {
        background = bg.rgb;
        break;
      }
    }
    const style = getComputedStyle(el);
    const outline = parse(style.outlineColor);
    const hasOutline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 && outline !== null && outline.alpha > 0;
    const hasRing = style.boxShadow !== "none" && /\d+px/.test(style.boxShadow);
    if (!hasOutline && !hasRing) return `no focus indicator (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow})`;
    if (hasOutline && outline && contrast(outline.rgb, background) < 3) {
      return `focus outline ${style.outlineColor} contrasts only ${contrast(outline.rgb, background).toFixed(2)}:1 with rgb(${background.join(", ")})`;
    }
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return "focused element has no size";
    if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) return "focused element is off screen";
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    const top = document.elementFromPoint(x, y);
    if (top && !el.contains(top) && !top.contains(el) && !labels.some((l) => l.contains(top))) {
      return `focused element is covered by ${top.tagName.toLowerCase()}.${top.className}`;
    }
    return null;
  })();
  return { description, problem };
}

/** What has focus, in a few words. */
export async function describeFocus(page: Page) {
  return (await focusState(page)).description;
}

/** Fails unless the element with focus shows it. */
export async function expectFocusVisible(page: Page) {
  const { description, problem } = await focusState(page);
  expect(problem, `focus on ${description}`).toBeNull();
}

const isFocused = (target: Locator) => target.evaluateAll((els) => els.includes(document.activeElement as HTMLElement));

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has focus, checking
 * that focus is visible at every stop; fails with the stops it passed.
 */
export async function tabTo(page: Page, target: Locator, { max = 60, backwards = false } = {}) {
  // After a client-side navigation the URL can change a moment before the new page is on screen.
  await target.first().waitFor({ state: "attached" });
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const { description, problem } = await focusState(page);
    passed.push(description);
    // Past the last control focus rests on the document for one press, then wraps to the top.
    if (description === "(body)") continue;
    expect(problem, `focus on ${description}, after ${passed.slice(0, -1).join(", ")}`).toBeNull();
    if (await isFocused(target)) return;
  }
  throw new Error(`${target} not reached after ${max} presses of ${backwards ? "Shift+Tab" : "Tab"}; focus went to:\n  ${passed.join("\n  ")}`);
}

/** Fails unless `target` has focus right now (after an action that should have put it there). */
export async function expectFocused(page: Page, target: Locator) {
  expect(await isFocused(target), `expected focus on ${target}, found ${await describeFocus(page)}`).toBe(true);
}

/** Tabs to the field and types into it; an existing value is selected first, so it is replaced. */
export async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(text);
}
