import { createDeviceKey } from "../../lib/pass";

const DB = "fairgate";
const STORE = "keys";
/** The pass key (fans) and the scanner key (gate staff) are separate keys with separate jobs. */
export type DeviceKeyName = "pass-device-key" | "gate-device-key";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const request = act(db.transaction(STORE, mode).objectStore(STORE));
        request.onsuccess = () => resolve(request.result as T);
        request.onerror = () => reject(request.error);
      }),
  );
}

/** The stored key pair called `name`, if this device made one. */
export async function loadDeviceKey(name: DeviceKeyName): Promise<CryptoKeyPair | undefined> {
  const stored = await run<CryptoKeyPair | undefined>("readonly", (s) => s.get(name));
  return stored?.privateKey && stored.publicKey ? stored : undefined;
}

/**
 * This phone's key: loaded from IndexedDB, or created (private half non-extractable) and
 * stored. IndexedDB keeps the CryptoKey itself, so the key survives reloads but never leaves.
 */
export async function loadOrCreateDeviceKey(name: DeviceKeyName = "pass-device-key"): Promise<CryptoKeyPair> {
  const stored = await loadDeviceKey(name);
  if (stored) return stored;
  const keys = await createDeviceKey();
  await run("readwrite", (s) => s.put(keys, name));
  return keys;
}
