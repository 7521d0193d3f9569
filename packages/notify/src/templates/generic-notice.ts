import { z } from "zod";
import { defineTemplate, vars } from "./template.ts";

/**
 * A free-form notice written by staff. It has no Alimtalk template (Alimtalk carries only
 * pre-approved informational templates), so on that channel it goes as SMS or LMS.
 */
export const genericNotice = defineTemplate({
  code: "generic_notice",
  variables: z.strictObject({ creditorName: vars.text(50), title: vars.text(40), text: vars.text(1_000) }),
  text: {
    ko: (v) => ({ subject: `[${v.creditorName}] ${v.title}`, body: `[${v.creditorName}] ${v.title}\n${v.text}` }),
    en: (v) => ({ subject: `[${v.creditorName}] ${v.title}`, body: `[${v.creditorName}] ${v.title}\n${v.text}` }),
  },
});
