import { Card, Col, Row, Tooltip, Typography } from "antd";
import { useTranslate } from "@refinedev/core";
import type { CalendarDay } from "./types.ts";
import { useLocale } from "../../i18n/locale-context.tsx";

/** Colours of a day by why it is (not) a banking day. */
export const DAY_COLORS = { shipped: "#cf1322", added: "#d46b08", reopened: "#389e0d", weekend: "#bfbfbf" } as const;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Twelve small months with every closed day coloured: a clerk sees at a glance where the long
 * weekends and the year-end closing fall. Clicking a day hands it to the page (close or undo).
 */
export function YearGrid({ year, days, onPick }: { year: number; days: readonly CalendarDay[]; onPick?: (date: string) => void }) {
  const t = useTranslate();
  const { locale } = useLocale();
  const byDate = new Map(days.map((d) => [d.date, d]));
  const weekdays = t("bankingCalendar.weekdaysShort").split(",");
  return (
    <Row gutter={[12, 12]} data-testid="banking-calendar-grid">
      {Array.from({ length: 12 }, (_, month) => {
        const first = new Date(Date.UTC(year, month, 1));
        const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
        const blanks = first.getUTCDay();
        return (
          <Col key={month} xs={24} sm={12} md={8} xl={6}>
            <Card size="small" title={t("bankingCalendar.monthTitle", { year, month: month + 1 })}>
              <div style={{ display: "grid", gridTemplateColumns: "repeat(7, 1fr)", gap: 2, textAlign: "center", fontSize: 12 }}>
                {weekdays.map((w, i) => (
                  <Typography.Text key={w} type="secondary" style={{ fontSize: 11, color: i === 0 ? DAY_COLORS.shipped : undefined }}>
                    {w}
                  </Typography.Text>
                ))}
                {Array.from({ length: blanks }, (_, i) => (
                  <span key={`blank-${i}`} />
                ))}
                {Array.from({ length: length }, (_, i) => {
                  const date = `${year}-${pad(month + 1)}-${pad(i + 1)}`;
                  const weekday = (blanks + i) % 7;
                  const day = byDate.get(date);
                  const weekend = weekday === 0 || weekday === 6;
                  const closed = day && day.source !== "reopened";
                  const color = day ? DAY_COLORS[day.source] : weekend ? DAY_COLORS.weekend : undefined;
                  const cell = (
                    <span
                      role={onPick ? "button" : undefined}
                      onClick={onPick ? () => onPick(date) : undefined}
                      data-testid={`day-${date}`}
                      data-state={day ? day.source : weekend ? "weekend" : "open"}
                      style={{
                        display: "block",
                        lineHeight: "22px",
                        borderRadius: 4,
                        cursor: onPick ? "pointer" : undefined,
                        color: closed ? "#fff" : color,
                        background: closed ? color : undefined,
                        textDecoration: day?.source === "reopened" ? "line-through" : undefined,
                        fontWeight: day ? 600 : undefined,
                      }}
                    >
                      {i + 1}
                    </span>
                  );
                  return day ? (
                    <Tooltip key={date} title={`${day.name[locale]} · ${t(`bankingCalendar.sources.${day.source}`)}`}>
                      {cell}
                    </Tooltip>
                  ) : (
                    <span key={date}>{cell}</span>
                  );
                })}
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
