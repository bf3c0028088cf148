// The only module that knows how operations travel: the Electron preload bridge when present,
// otherwise HTTP to the web host. Screens call `api(...)` and never see the difference.
// The shell operations (print, save dialog, folders) exist only in Electron (window.hadirShell);
// `shellCaps()` tells screens which exist, and saveFile/printPdf fall back to what a browser
// can do: a download, and the PDF in a new tab.
import type { KioskDesk, OpInput, OpOutput, Settings } from '../../electron/shared/contract';
import { deskName } from '../../electron/shared/desk';
import { ACCESS_KEY_IN_HASH } from '../../electron/shared/access-key';
import type { OpName } from '../../electron/shared/op-names';
import type { PrinterDto, PrintSettings, ShellInput, ShellOutput } from '../../electron/shared/shell-contract';
import type { ShellOpName } from '../../electron/shared/shell-op-names';
import type { FileResult } from '../../electron/shared/file';
import type { OpError, Result } from '../../electron/shared/result';
import {
  BYTES_TYPE,
  INPUT_HEADER,
  RESULT_HEADER,
  decodeHeader,
  encodeHeader,
  joinBytes,
  splitBytes,
} from '../../electron/shared/wire';
import { DESK_OUTBOX_HEADER, DESK_TOKEN_HEADER } from '../../electron/shared/desk-roles';
import {
  clearRevoked,
  deskRevoked,
  deskSession,
  forgetDeskToken,
  JoinRefused,
  markRevoked,
  ORGANISER,
  reportedOutbox,
  setDeskSession,
  type DeskSession,
} from './desk-session';
import { deskJoined } from '../../electron/shared/hub';

type Bridge = { [K in OpName]: (input: OpInput<K>) => Promise<Result<OpOutput<K>>> };
type ShellBridge = { [K in ShellOpName]: (input: ShellInput<K>) => Promise<Result<ShellOutput<K>>> };

declare global {
  interface Window {
    hadir?: Bridge;
    hadirShell?: ShellBridge;
  }
}

export class ApiError extends Error {
  constructor(readonly error: OpError) {
    super(error.message);
  }
}

/**
 * A desk on the venue network opens the address the kiosk prints, `http://…/#key=XXXX`. The key
 * goes into this tab's sessionStorage (a reload keeps working) and out of the address bar (so it
 * is not left on screen); the fragment never reaches the server or its logs.
 */
const KEY_ITEM = 'hadir.key';
function accessKey(): string | null {
  // The same characters the host accepts in a key (shared/access-key.ts), so what it prints is what arrives.
  const m = ACCESS_KEY_IN_HASH.exec(location.hash);
  if (m) {
    const key = m[1]!.toUpperCase();
    clearRevoked(key); // a new key from the organiser: this tab may join again (the old one: still revoked)
    if (!deskRevoked()) sessionStorage.setItem(KEY_ITEM, key);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(KEY_ITEM);
}

/** This tab's access key (the live stream and the hub screen send it themselves), or null. */
export const deskAccessKey = (): string | null => (window.hadir ? null : accessKey());

/** The hub screen's "new key": this tab keeps working with the key it was just given. */
export function replaceDeskAccessKey(key: string): void {
  sessionStorage.setItem(KEY_ITEM, key.toUpperCase());
}

/** How long a desk waits for a scan's answer before keeping it in its outbox (hub p99: milliseconds). */
const SCAN_ANSWER_MS = 5000;

/** How long an operation may wait for the host; unbounded (the browser's own limit) when absent. */
export interface Within {
  waitMs?: number;
}

// ---- The desk's place at the hub (issue 19, item 7; desk-session.ts keeps it) ----

/**
 * Joins the hub as `name` (a new desk), or, with the token this tab has, renames it or (with
 * `pin`) makes it an organiser desk. A host that is not a hub (404) makes this the organiser.
 */
export async function joinHub(key: string | null, name: string, pin?: string): Promise<DeskSession> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers['x-hadir-key'] = key;
  const current = deskSession();
  if (current?.token) headers['x-hadir-desk'] = current.token;
  const res = await fetch('./hub/join', { method: 'POST', headers, body: JSON.stringify(pin === undefined ? { name } : { name, pin }) });
  if (res.status === 404 || res.status === 405) {
    setDeskSession({ ...ORGANISER, name });
    return deskSession()!;
  }
  const body = (await res.json().catch(() => ({}))) as { ok?: boolean; value?: unknown; error?: OpError };
  if (!res.ok || !body.ok) {
    const error = body.error ?? { code: 'internal', message: `hub/join: ${res.status}` };
    if (error.params?.deskRevoked) markRevoked();
    throw new JoinRefused(error);
  }
  setDeskSession(deskJoined.parse(body.value));
  return deskSession()!;
}

let joining: Promise<DeskSession | null> | null = null;

/**
 * The session, joining first when this tab has none. Null when the hub cannot be reached (the
 * request then fails as unreachable and a scan goes to the outbox) or refuses the key.
 */
export function ensureJoined(key: string | null, name: () => string): Promise<DeskSession | null> {
  const current = deskSession();
  if (current) return Promise.resolve(current);
  if (deskRevoked()) return Promise.resolve(null);
  return (joining ??= joinHub(key, name())
    .catch(() => null)
    .finally(() => (joining = null)));
}

/** The name this desk joins the hub with before its first operation (renamed later by rememberDesk). */
function storedDeskName(): string {
  try {
    const v = JSON.parse(sessionStorage.getItem(DESK_ITEM) ?? localStorage.getItem(DESK_ITEM) ?? '{}') as { name?: unknown };
    const name = deskName.safeParse(v.name);
    return name.success ? name.data : 'Meja 1';
  } catch {
    return 'Meja 1';
  }
}

async function overHttp<K extends OpName>(name: K, input: OpInput<K>, within: Within, rejoin = true): Promise<Result<OpOutput<K>>> {
  let res: Response;
  const key = accessKey();
  // A scan that gets no answer in time goes to the desk's outbox (issue 19): a Wi-Fi that
  // drops without failing fast would otherwise leave the person waiting for the browser's
  // own timeout. Sent again with the same UUID, it is stored once whether or not it arrived.
  // The idle desk's "is the hub there" (app.info, useOutbox.ts) gives up as soon.
  const waitMs = within.waitMs ?? (name === 'checkin.scan' || name === 'app.info' ? SCAN_ANSWER_MS : undefined);
  const signal = waitMs === undefined ? undefined : AbortSignal.timeout(waitMs);
  // A desk on the venue network joins the hub once for its own token (issue 19, item 7); a join
  // that gets no answer in time leaves the request to fail as unreachable, like the request itself.
  const session = key ? await untilAborted(ensureJoined(key, storedDeskName), signal) : null;
  const outbox = reportedOutbox();
  // A file in the input goes as the raw body, the rest as JSON in a header (shared/wire.ts).
  const { json, bytes } = splitBytes(input);
  try {
    res = await fetch(`./api/${name}`, {
      method: 'POST',
      headers: {
        ...(bytes ? { 'content-type': BYTES_TYPE, [INPUT_HEADER]: encodeHeader(json) } : { 'content-type': 'application/json' }),
        ...(key ? { 'x-hadir-key': key } : {}),
        ...(session?.token ? { [DESK_TOKEN_HEADER]: session.token } : {}),
        ...(outbox !== null ? { [DESK_OUTBOX_HEADER]: String(outbox) } : {}),
      },
      body: bytes ? (bytes as Uint8Array<ArrayBuffer>) : json,
      ...(signal ? { signal } : {}),
    });
  } catch {
    return unreachable();
  }
  const meta = res.headers.get(RESULT_HEADER);
  // The answer's body can be lost like the whole answer (the Wi-Fi drops, or the scan's wait
  // ends, after the status line came): the same as no answer, so a scan is kept and sent again
  // with its UUID, not shown as an error (or set aside as refused by the outbox) though the hub
  // stored it (docs/engineering/hub-outbox-flake.md).
  let body: ArrayBuffer | string;
  try {
    body = meta !== null ? await res.arrayBuffer() : await res.text();
  } catch {
    return unreachable();
  }
  if (meta !== null) return joinBytes(decodeHeader(meta), new Uint8Array(body as ArrayBuffer)) as Result<OpOutput<K>>;
  const result = JSON.parse(body as string) as Result<OpOutput<K>>;
  if (res.status === 401 && !result.ok) {
    // The hub restarted or has a new key: join again once. Revoked: the page says so.
    if (result.error.params?.deskJoin && rejoin) return (forgetDeskToken(), overHttp(name, input, within, false));
    if (result.error.params?.deskRevoked) markRevoked();
  }
  return result;
}

const unreachable = (): Result<never> => ({ ok: false, error: { code: 'host_unreachable', message: 'The kiosk host cannot be reached.' } });

/** `promise`, or null once `signal` has fired (the caller's own request then fails at once). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | null> {
  if (!signal) return promise;
  return Promise.race([promise, new Promise<null>((resolve) => (signal.aborted ? resolve(null) : signal.addEventListener('abort', () => resolve(null))))]);
}

/** This desk becomes an organiser desk with the organiser's PIN (the hub checks it). */
export const enterOrganiserPin = (pin: string) => joinHub(accessKey(), deskSession()?.name || storedDeskName(), pin);

/** `within`: a bound on the wait for the web host (Electron's IPC has no network to wait on). */
export async function api<K extends OpName>(name: K, input: OpInput<K>, within: Within = {}): Promise<OpOutput<K>> {
  const res = window.hadir ? await window.hadir[name](input) : await overHttp(name, input, within);
  if (!res.ok) throw new ApiError(res.error);
  return res.value;
}

/** A picked file's bytes, as the operations take them. */
export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Hands a file to the browser's download (the web host's way of saving a file). */
export function download(file: FileResult): void {
  const url = blobUrl(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A file's bytes as a blob URL, for a download or a PDF tab. An empty file is refused: every file
 * Hadir makes has bytes, so 0 bytes means they were lost on the way (pdf.js once detached them,
 * issue 16 defect 1), and a 0-byte download or "Failed to load PDF document" tells nobody why.
 */
function blobUrl(file: FileResult): string {
  return URL.createObjectURL(new Blob([whole(file).bytes as Uint8Array<ArrayBuffer>], { type: file.mime }));
}

/** The file itself, or a refusal when it has no bytes (the shell's print and save check too). */
function whole<F extends FileResult>(file: F): F {
  if (!file.bytes.byteLength) {
    throw new ApiError({ code: 'internal', message: `${file.fileName} is empty`, params: { emptyFile: file.fileName } });
  }
  return file;
}

// ---- Shell operations --------------------------------------------------------------------

/** What this host can do beyond the core operations: screens show or hide controls by it. */
export interface ShellCaps {
  /** Printers can be listed and chosen, and a desk printer set (Electron). */
  printers: boolean;
  /** saveFile shows a save dialog and returns the path (Electron); otherwise it downloads. */
  saveDialog: boolean;
  chooseFolder: boolean;
  showInFolder: boolean;
  /** Kiosk mode and its organiser PIN (Electron). */
  kiosk: boolean;
}

export function shellCaps(): ShellCaps {
  const has = window.hadirShell !== undefined;
  return { printers: has, saveDialog: has, chooseFolder: has, showInFolder: has, kiosk: has };
}

async function shell<K extends ShellOpName>(name: K, input: ShellInput<K>): Promise<ShellOutput<K>> {
  if (!window.hadirShell) throw new ApiError({ code: 'forbidden', message: `${name} exists only in the Hadir app` });
  const res = await window.hadirShell[name](input);
  if (!res.ok) throw new ApiError(res.error);
  return res.value;
}

export type SaveOutcome = { how: 'dialog'; path: string } | { how: 'download' } | null;

/** Saves a file: the save dialog in Electron (null when cancelled), a download in a browser. */
export async function saveFile(file: FileResult): Promise<SaveOutcome> {
  if (!window.hadirShell) return (download(file), { how: 'download' });
  const saved = await shell('shell.saveFile', { file: whole(file) });
  return saved ? { how: 'dialog', path: saved.path } : null;
}

/** 'not_printed': the operator cancelled the print dialog; nothing went to the printer, nothing failed. */
export type PrintOutcome = { how: 'printer'; deviceName: string | null } | { how: 'not_printed' } | { how: 'tab' } | { how: 'download' };

/**
 * Prints a PDF. Electron: silently to the desk printer (`mode: 'desk'`, the default) or through
 * the system dialog. Browser: the PDF opens in a new tab, to print from the browser's viewer.
 * Pass a function that makes the PDF rather than the PDF itself when making it takes time: the
 * tab is then opened at the click, before the wait, so the browser does not block it as a pop-up.
 */
export async function printPdf(
  pdf: FileResult | (() => Promise<FileResult>),
  opts: { mode?: 'desk' | 'dialog'; copies?: number; deviceName?: string | null } = {},
): Promise<PrintOutcome> {
  if (window.hadirShell) {
    const file = whole(typeof pdf === 'function' ? await pdf() : pdf);
    const res = await shell('shell.print', {
      file: { fileName: file.fileName, mime: 'application/pdf', bytes: file.bytes },
      mode: opts.mode ?? 'desk',
      copies: opts.copies ?? 1,
      deviceName: opts.deviceName ?? null,
    });
    return res.printed ? { how: 'printer', deviceName: res.deviceName } : { how: 'not_printed' };
  }
  const tab = window.open('', '_blank');
  let file: FileResult;
  try {
    file = typeof pdf === 'function' ? await pdf() : pdf;
  } catch (e) {
    tab?.close();
    throw e;
  }
  if (!tab) return (download(file), { how: 'download' }); // pop-ups blocked: the file still arrives
  let url: string;
  try {
    url = blobUrl(file);
  } catch (e) {
    tab.close();
    throw e;
  }
  tab.location.href = url;
  tab.opener = null;
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { how: 'tab' };
}

export const listPrinters = (): Promise<PrinterDto[]> => (window.hadirShell ? shell('shell.printers', {}) : Promise.resolve([]));
export const printSettings = (): Promise<PrintSettings> =>
  window.hadirShell ? shell('shell.printSettings', {}) : Promise.resolve({ deskPrinter: null });
export const setPrintSettings = (s: PrintSettings) => shell('shell.setPrintSettings', s);
/** The chosen folder's path, or null (cancelled, or no folders in a browser). */
export const chooseFolder = async (title?: string): Promise<string | null> =>
  window.hadirShell ? ((await shell('shell.chooseFolder', title ? { title } : {}))?.path ?? null) : null;
export const showInFolder = (path: string) => shell('shell.showInFolder', { path });
/** The organiser PIN that guards leaving kiosk mode (Electron only; issue 17). */
export const kioskPinStatus = () => shell('shell.kioskPin', {});
export const setKioskPin = (pin: string | null) => shell('shell.setKioskPin', { pin });
export const leaveKiosk = (pin: string) => shell('shell.leaveKiosk', { pin });

/**
 * The PDF electron/main/print.ts left for the print page (renderer/print.html) under `token`,
 * served once by the app:// handler at print-jobs/<token>.
 */
export async function printJob(token: string): Promise<Uint8Array> {
  const res = await fetch(`./print-jobs/${token}`);
  if (!res.ok) throw new Error(`The print job is gone (${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Where a desk remembers its name and event. The Electron window is the kiosk's own desk: the
 * kiosk's settings keep it (its Chromium storage lives in a temporary folder). A browser on the
 * web host keeps its own in localStorage (so the browser remembers it) and in sessionStorage (so
 * a second tab of the same browser, once switched, does not follow the first on reload).
 */
const DESK_ITEM = 'hadir.desk';

export function rememberedDesk(settings: Settings): Partial<KioskDesk> {
  if (window.hadir) return settings.kioskDesk ?? {};
  const raw = sessionStorage.getItem(DESK_ITEM) ?? localStorage.getItem(DESK_ITEM);
  try {
    const v = JSON.parse(raw ?? '{}') as { name?: unknown; eventId?: unknown };
    const name = deskName.safeParse(v.name);
    return {
      name: name.success ? name.data : undefined,
      eventId: Number.isInteger(v.eventId) && (v.eventId as number) > 0 ? (v.eventId as number) : undefined,
    };
  } catch {
    return {}; // an old or hand-edited value: start as a new desk
  }
}

export async function rememberDesk(desk: KioskDesk): Promise<void> {
  if (window.hadir) {
    await api('settings.set', { kioskDesk: desk });
    return;
  }
  const raw = JSON.stringify(desk);
  sessionStorage.setItem(DESK_ITEM, raw);
  localStorage.setItem(DESK_ITEM, raw);
  // Renamed: the hub lists it, and records its scans, under the new name (same token and role).
  const session = deskSession();
  if (session?.token && session.name !== desk.name) await joinHub(accessKey(), desk.name).catch(() => undefined);
}

/**
 * The web host's live stream (issue 19, item 4): `onChange` gets each event's data line. None in
 * Electron (one desk, screens poll) or where the browser has no EventSource. EventSource cannot
 * send a header: the key goes in the query (never logged by the host).
 */
export function openLiveStream(
  onChange: (data: string) => void,
  /** The other events (issue 19, item 2): `ready` on connecting, `counters` after changes; `open` on every (re)connection. */
  more: { ready?: (data: string) => void; counters?: (data: string) => void; open?: () => void } = {},
): EventSource | null {
  if (window.hadir || typeof EventSource === 'undefined') return null;
  const key = deskAccessKey();
  const token = deskSession()?.token;
  const query = [key && `key=${encodeURIComponent(key)}`, token && `desk=${encodeURIComponent(token)}`].filter(Boolean).join('&');
  const stream = new EventSource(`./api/live${query ? `?${query}` : ''}`);
  stream.addEventListener('change', (m) => onChange((m as MessageEvent<string>).data));
  if (more.ready) stream.addEventListener('ready', (m) => more.ready!((m as MessageEvent<string>).data));
  if (more.counters) stream.addEventListener('counters', (m) => more.counters!((m as MessageEvent<string>).data));
  if (more.open) stream.addEventListener('open', more.open);
  return stream;
}

/** True in the Electron kiosk (IPC), false in a browser desk of the web host. */
export const inElectron = (): boolean => window.hadir !== undefined;

/**
 * A request to the web host about itself (issue 19: the hub's key, addresses, certificate), not
 * an operation of the kiosk: it exists only over HTTP (electron/web/hub-routes.ts).
 */
export async function hubPost(what: string, input?: unknown): Promise<{ status: number; body: () => Promise<unknown> }> {
  const key = deskAccessKey();
  const res = await fetch(`./hub/${what}`, {
    method: 'POST',
    headers: { ...(key ? { 'x-hadir-key': key } : {}), ...(input === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(input === undefined ? {} : { body: JSON.stringify(input) }),
  });
  return { status: res.status, body: () => res.json() as Promise<unknown> };
}
