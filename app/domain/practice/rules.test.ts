import { describe, expect, it } from "vitest";
import { canTake, fitsTheDay, hasContactDetails, parseHours, practiceTotals, weekOf } from "./rules";

describe("practice hours", () => {
  it("take quarter hours only, more than nothing and at most twelve", () => {
    expect(parseHours("2")).toEqual({ ok: true, quarters: 8 });
    expect(parseHours("1,5")).toEqual({ ok: true, quarters: 6 });
    expect(parseHours("0.25")).toEqual({ ok: true, quarters: 1 });
    expect(parseHours("12")).toEqual({ ok: true, quarters: 48 });
    expect(parseHours("0.3")).toEqual({ ok: false, key: "practice.quarterHours" });
    expect(parseHours("12.25")).toEqual({ ok: false, key: "practice.hoursRange" });
    expect(parseHours("0")).toEqual({ ok: false, key: "practice.hoursRange" });
    expect(parseHours("two")).toEqual({ ok: false, key: "practice.hoursFormat" });
    expect(parseHours("-1")).toEqual({ ok: false, key: "practice.hoursFormat" });
  });

  it("keep a day within twelve hours in all", () => {
    expect(fitsTheDay(40, 8)).toBe(true);
    expect(fitsTheDay(41, 8)).toBe(false);
  });

  it("notice contact details that do not belong in the log", () => {
    expect(hasContactDetails("Home visit with a family in Sadakhlo about school enrolment.")).toBe(false);
    expect(hasContactDetails("Call her on +995 599 12 34 56 tomorrow")).toBe(true);
    expect(hasContactDetails("mail nino@example.org")).toBe(true);
    expect(hasContactDetails("Worked 3 hours with 12 children in 2 groups")).toBe(false);
  });

  it("total approved, waiting and returned hours, by kind and by week", () => {
    const t = practiceTotals(
      [
        { date: "2026-11-23", quarters: 8, kind: "direct_work", status: "approved" },
        { date: "2026-11-24", quarters: 6, kind: "supervision", status: "approved" },
        { date: "2026-11-25", quarters: 4, kind: "direct_work", status: "waiting" },
        { date: "2026-11-16", quarters: 2, kind: "training", status: "returned" },
      ],
      10,
    );
    expect(t).toMatchObject({ approved: 3.5, waiting: 1, returned: 0.5, percent: 35, met: false, byKind: { direct_work: 2, supervision: 1.5 } });
    expect(t.byWeek).toEqual([
      { week: "2026-11-23", approved: 3.5, waiting: 1, returned: 0 },
      { week: "2026-11-16", approved: 0, waiting: 0, returned: 0.5 },
    ]);
    expect(weekOf("2026-11-29")).toBe("2026-11-23");
  });
});

describe("learning agreement signing order", () => {
  it("goes draft → submitted → approved → signed, and only the right person takes each step", () => {
    expect(canTake("newVersion", null, "fellow")).toBe(true);
    expect(canTake("submit", "draft", "fellow")).toBe(true);
    expect(canTake("approve", "draft", "mentor")).toBe(false);
    expect(canTake("approve", "submitted", "fellow")).toBe(false);
    expect(canTake("approve", "submitted", "mentor")).toBe(true);
    expect(canTake("comment", "submitted", "mentor")).toBe(true);
    expect(canTake("sign", "submitted", "fellow")).toBe(false);
    expect(canTake("sign", "approved", "mentor")).toBe(false);
    expect(canTake("sign", "approved", "fellow")).toBe(true);
    expect(canTake("submit", "signed", "fellow")).toBe(false);
    expect(canTake("newVersion", "approved", "fellow")).toBe(false);
    expect(canTake("newVersion", "signed", "fellow")).toBe(true);
  });
});
