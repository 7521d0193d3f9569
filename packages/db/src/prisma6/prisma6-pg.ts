import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { readCharColumnsAsCharacters } from "./char-columns.ts";

/**
 * The pg driver adapter as Prisma 6's schema engine needs it: "char" columns readable, and a
 * shadow database of its own. The stock `connectToShadowDb` ignores the new database name when
 * given a connection string (so it would migrate the main database) and drops the shadow database
 * while still connected to it; here it gets a uniquely named database that is dropped, forcibly,
 * after the engine disposes of it.
 */
export class Prisma6Pg extends PrismaPg {
  readonly #connectionString: string;

  constructor(connectionString: string) {
    // allowExitOnIdle: the CLI leaves its main adapter open; the idle pool would keep it alive 10 s more.
    super({ connectionString, max: 4, allowExitOnIdle: true });
    this.#connectionString = connectionString;
  }

  override async connect() {
    return readCharColumnsAsCharacters(await super.connect());
  }

  override async connectToShadowDb() {
    const server = await this.connect();
    const name = `sunap_shadow_${randomBytes(6).toString("hex")}`;
    try {
      await server.executeScript(`CREATE DATABASE "${name}"`);
      const url = new URL(this.#connectionString);
      url.pathname = `/${name}`;
      const shadow = await new Prisma6Pg(url.toString()).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        try {
          await dispose();
          await server.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await server.dispose();
        }
      };
      return shadow;
    } catch (error) {
      await server.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await server.dispose();
      throw error;
    }
  }
}
