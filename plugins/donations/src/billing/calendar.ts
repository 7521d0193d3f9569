// Month arithmetic lives in @sunap/core; re-exported so the plugin's files keep one import.
export { daysInMonth, nextMonth, monthOf, firstDayOf, lastDayOf, dayOfMonth } from "@sunap/core";
