import { Button, Result } from "antd";
import { useNavigate } from "react-router";
import { useTranslate } from "@refinedev/core";

export function Forbidden() {
  const t = useTranslate();
  const navigate = useNavigate();
  return (
    <div data-testid="forbidden">
      <Result
        status="403"
        title={t("forbidden.title")}
        subTitle={t("forbidden.subtitle")}
        extra={
          <Button type="primary" onClick={() => navigate("/")}>
            {t("forbidden.home")}
          </Button>
        }
      />
    </div>
  );
}

export function NotFound() {
  const t = useTranslate();
  const navigate = useNavigate();
  return (
    <div data-testid="not-found">
      <Result
        status="404"
        title={t("notFound.title")}
        subTitle={t("notFound.subtitle")}
        extra={
          <Button type="primary" onClick={() => navigate("/")}>
            {t("forbidden.home")}
          </Button>
        }
      />
    </div>
  );
}
