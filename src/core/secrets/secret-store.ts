// Secrets never touch disk in plaintext. The Electron host supplies a safeStorage-backed store (DPAPI on
// Windows); headless mode uses the file-backed AES-256-GCM store. Keys come from secretKey() in shared/profile.
export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Keys only, never values. */
  keys(): Promise<string[]>;
}
