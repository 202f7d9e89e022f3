import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("rendering Markdown from users", () => {
  it("renders ordinary Markdown and tables", () => {
    const html = renderMarkdown("**Bold** and a [link](https://example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<strong>Bold</strong>");
    expect(html).toContain('<a rel="noopener nofollow" href="https://example.org">link</a>');
    expect(html).toContain("<table>");
  });

  it("keeps script, raw HTML and javascript: links inert", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3)) <a href="javascript:alert(4)">y</a>',
    );
    expect(html).not.toMatch(/<script|<img|<[^>]*onerror|href="javascript/i);
    expect(html).toContain("&lt;script&gt;");
  });
});
