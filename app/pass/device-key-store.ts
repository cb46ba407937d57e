import { createDeviceKey } from "../../lib/pass";

const DB = "fairgate";
const STORE = "keys";
const KEY = "pass-device-key";

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

/**
 * This phone's pass key: loaded from IndexedDB, or created (private half non-extractable) and
 * stored. IndexedDB keeps the CryptoKey itself, so the key survives reloads but never leaves.
 */
export async function loadOrCreateDeviceKey(): Promise<CryptoKeyPair> {
  const stored = await run<CryptoKeyPair | undefined>("readonly", (s) => s.get(KEY));
  if (stored?.privateKey && stored.publicKey) return stored;
  const keys = await createDeviceKey();
  await run("readwrite", (s) => s.put(keys, KEY));
  return keys;
}
