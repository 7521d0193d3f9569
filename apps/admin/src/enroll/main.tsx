import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { EnrollApp } from "./EnrollApp.tsx";
import "./enroll.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <EnrollApp />
  </StrictMode>,
);
