// On a phone (360 px, the narrowest common screen): no page scrolls sideways, and every header control
// (sections, Jump to, theme, account menu, sign out) is still there to use.
import type { Page } from "@playwright/test";
import { demo, signIn } from "./auth";
import { expect, test } from "./fixtures";
import { createUser, emulator } from "./requests";
import { inventory, isApi, sampleIds } from "./routes";

test.use({ viewport: { width: 360, height: 740 } });

const pages = Object.entries(inventory).filter(([file, route]) => !isApi(file) && route.access !== "token");

/** How far the page reaches past the window's right edge, and the element that reaches furthest. */
function overflow(page: Page): Promise<{ by: number; widest: string }> {
  return page.evaluate(() => {
    const by = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    let widest = "";
    let right = document.documentElement.clientWidth;
    // Inside a box that scrolls on its own (a table's card), reaching further is that box's business.
    const reach = (box: DOMRect, el: Element, name: string) => {
      if (box.right > right + 0.5 && el.closest("[data-slot='table-container'], pre, .overflow-x-auto, .sr-only") === null) {
        right = box.right;
        widest = `${name} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
      }
    };
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      reach(
        el.getBoundingClientRect(),
        el,
        `${el.tagName.toLowerCase()}${typeof el.className === "string" && el.className ? `.${el.className.split(" ").slice(0, 3).join(".")}` : ""}`,
      );
    }
    // Text can reach past its own box (one long word), so the text itself is measured too.
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      if (node.parentElement) reach(range.getBoundingClientRect(), node.parentElement, `text in ${node.parentElement.tagName.toLowerCase()}`);
    }
    return { by, widest };
  });
}

test.describe("on a phone", () => {
  test("no page scrolls sideways, as an admin", async ({ page, request }) => {
    test.setTimeout(180_000);
    const ids = await sampleIds(request);
    // The user, call and event shown are the worst a page must fit: long unbroken ids, nickname and title.
    const long = `e2e-${Date.now()}-${"x".repeat(60)}`;
    await createUser(request, long, `Long ${"y".repeat(60)}`);
    const { call } = await emulator<{ call: { call_id: string } }>(request, "POST", "/__emulator/direct-calls", {
      caller_id: long,
      callee_id: ids.user,
      end_result: "completed",
      duration: 60_000,
    });
    const { live_event } = await emulator<{ live_event: { live_event_id: string } }>(request, "POST", "/v1/live-events", {
      host_type: "single_host",
      title: `Long ${"z".repeat(120)}`,
      user_ids_for_host: [long],
    });
    ids.user = long;
    ids.call = call.call_id;
    ids.liveEvent = live_event.live_event_id;
    await page.goto("/sign-in");
    const found: string[] = [];
    const check = async (url: string) => {
      const { by, widest } = await overflow(page);
      if (by > 0) found.push(`${url}: ${by} px too wide, widest ${widest}`);
    };
    await check("/sign-in");
    await signIn(page, demo.admin);
    for (const [, route] of pages) {
      const url = route.url(ids);
      await page.goto(url);
      await check(url);
    }
    expect(found).toEqual([]);
  });

  test("every header control is reachable: sections, Jump to, theme (showing the choice in force), account and sign out", async ({ page }) => {
    await signIn(page, demo.support);
    const banner = page.getByRole("banner");
    for (const name of ["Sections", "Jump to…", /^Theme/, `Account: ${demo.support}`]) {
      const control = banner.getByRole("button", { name });
      await expect(control).toBeInViewport({ ratio: 1 });
    }

    await banner.getByRole("button", { name: "Sections" }).click();
    await page.getByRole("menuitem", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/users$/);

    await banner.getByRole("button", { name: "Jump to…" }).click();
    await expect(page.getByRole("combobox", { name: "Jump to a page, user, live event or call" })).toBeVisible();
    await page.keyboard.press("Escape");

    await banner.getByRole("button", { name: /^Theme/ }).click();
    await expect(page.getByRole("menuitemradio", { name: "System" })).toHaveAttribute("aria-checked", "true");
    await page.getByRole("menuitemradio", { name: "Dark" }).click();
    await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    await banner.getByRole("button", { name: "Theme: Dark" }).click();
    await expect(page.getByRole("menuitemradio", { name: "Dark" })).toHaveAttribute("aria-checked", "true");
    await expect(page.getByRole("menuitemradio", { name: "Light" })).toHaveAttribute("aria-checked", "false");
    await page.keyboard.press("Escape");

    await banner.getByRole("button", { name: `Account: ${demo.support}` }).click();
    await expect(page.getByRole("menuitem", { name: "Your account" })).toBeInViewport();
    await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
