import {
  AppstoreOutlined,
  BankOutlined,
  BookOutlined,
  CarOutlined,
  GiftOutlined,
  HeartOutlined,
  HomeOutlined,
  ReadOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TeamOutlined,
  TrophyOutlined,
} from "@ant-design/icons";
import type { ComponentType } from "react";

// A manifest names its icon; only these are bundled (all of @ant-design/icons would be megabytes).
const ICONS: Record<string, ComponentType> = {
  AppstoreOutlined,
  BankOutlined,
  BookOutlined,
  CarOutlined,
  GiftOutlined,
  HeartOutlined,
  HomeOutlined,
  ReadOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TeamOutlined,
  TrophyOutlined,
};

export function PluginIcon({ name }: { name: string }) {
  const Icon = ICONS[name] ?? AppstoreOutlined;
  return <Icon />;
}
