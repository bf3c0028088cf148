import { BULAN } from '../../shared/id-dates';

export interface VerifyPageOptions {
  /**
   * Where the kiosk's QR decoder worker is (the web host's built renderer, see
   * electron/web/verify-route.ts). With it the page offers "Pindai dengan kamera"; the exported
   * file has none (a phone's own camera app opens the address the QR holds instead).
   */
  decoder?: string;
}

/**
 * The page's CSP. No network in any case: connect-src stays 'none' for the page itself. With the
 * camera, the decoder worker comes from the same host (worker-src 'self'); the worker fetches
 * its .wasm under its own response's CSP (the app's: connect-src 'self', 'wasm-unsafe-eval').
 * The web host sends the same policy as a header.
 */
export function verifyPageCsp(camera: boolean): string {
  return camera
    ? "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; worker-src 'self'; media-src mediastream: blob:"
    : "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'";
}

export interface VerifyPageData {
  kid: string;
  /** Raw Ed25519 public key, base64url. */
  publicKey: string;
  event: { name: string; organiser: string; dates: string };
  /** Certificates revoked when the page was exported. */
  revoked: { number: string; at: string; reason: string }[];
  exportedAt: string;
}

/**
 * One self-contained HTML file that checks a certificate offline: paste the text of the QR
 * (any phone's QR reader shows it), press Periksa. It holds the event's PUBLIC key only, and the
 * numbers revoked when it was exported. No network: a CSP forbids every fetch.
 *
 * Ed25519 is checked with WebCrypto where the browser has it (Chromium 137+, Firefox 129+,
 * Safari 17+); elsewhere with the small BigInt implementation below (RFC 8032 §5.1.7, the
 * cofactorless check Node/OpenSSL make, rejecting S ≥ L), so an older phone still answers.
 * The claim is read exactly as shared/cert-claim.ts reads it; the e2e test
 * tests/e2e/verify-html.spec.ts runs this page in Chromium against claims signed by core.
 */
export function verifyHtml(d: VerifyPageData, options: VerifyPageOptions = {}): string {
  const decoder = options.decoder ?? null;
  const data = JSON.stringify({ ...d, decoder }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${verifyPageCsp(decoder !== null)}">
<title>Periksa sertifikat · ${escapeHtml(d.event.name)}</title>
<style>
  :root { color-scheme: light; --navy: #1b2a4a; --gold: #b08d3c; }
  body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; background: #f6f4ee; color: #1e1e22; }
  main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  h1 { color: var(--navy); font-size: 1.45rem; margin: 0 0 .25rem; }
  .event { margin: 0 0 1.25rem; color: #444; }
  label { font-weight: 600; display: block; margin-bottom: .35rem; }
  textarea { width: 100%; box-sizing: border-box; min-height: 7.5rem; font: 14px/1.4 ui-monospace, monospace; padding: .6rem; border: 1px solid #b9b4a6; border-radius: 6px; }
  button { margin-top: .6rem; font: inherit; font-weight: 600; padding: .55rem 1.4rem; border: 0; border-radius: 6px; background: var(--navy); color: #fff; cursor: pointer; }
  .result { margin-top: 1.25rem; padding: 1rem 1.1rem; border-radius: 8px; border: 2px solid; display: none; }
  .result.show { display: block; }
  .authentic { border-color: #1f7a3a; background: #eaf6ee; }
  .forged { border-color: #b3261e; background: #fcebea; }
  .revoked { border-color: #a35f00; background: #fff4e0; }
  .verdict { font-size: 1.25rem; font-weight: 700; margin: 0 0 .5rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
  dt { color: #555; } dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
  .note { color: #555; font-size: .9rem; margin-top: 2rem; border-top: 1px solid #d8d3c4; padding-top: .75rem; }
  .en { color: #666; font-weight: normal; font-size: .9em; }
  .buttons { display: flex; flex-wrap: wrap; gap: .6rem; }
  button.secondary { background: #fff; color: var(--navy); border: 2px solid var(--navy); }
  .camera { margin-top: 1rem; }
  .camera video { width: 100%; max-width: 28rem; aspect-ratio: 1; object-fit: cover; border-radius: 8px; background: #222; display: block; }
  .camera-status { margin: .5rem 0 0; color: #444; }
  [hidden] { display: none !important; }
</style>
</head>
<body>
<main>
  <h1>Periksa keaslian sertifikat <span class="en">/ Verify a certificate</span></h1>
  <p class="event" id="event"></p>
  <label for="claim">Teks dari kode QR sertifikat <span class="en">/ text of the certificate's QR code</span></label>
  <textarea id="claim" spellcheck="false" autocomplete="off" placeholder="HS1|…"></textarea>
  <div class="buttons">
    <button id="check" type="button">Periksa <span class="en" style="color:#dfe6f3">/ Verify</span></button>
    <button id="scan" type="button" class="secondary" hidden>Pindai dengan kamera <span class="en">/ Scan with the camera</span></button>
    <button id="scan-stop" type="button" class="secondary" hidden>Tutup kamera <span class="en">/ Close the camera</span></button>
  </div>
  <div class="camera" id="camera" hidden>
    <video id="camera-video" muted playsinline aria-label="Kamera / Camera"></video>
  </div>
  <p class="camera-status" id="camera-status" role="status" hidden></p>
  <section id="result" class="result" role="status" aria-live="polite"></section>
  <p class="note" id="note"></p>
</main>
<script type="application/json" id="hadir-data">${data}</script>
<script>
"use strict";
const DATA = JSON.parse(document.getElementById("hadir-data").textContent);
const BULAN = ${JSON.stringify(BULAN)};

// ---- the claim, read as shared/cert-claim.ts reads it (number and name percent-escaped ASCII)
// A plain claim, or the verify address a certificate's QR holds (the claim in its fragment).
function claimOf(raw) {
  const text = raw.trim();
  if (text.startsWith("HS1|")) return text;
  const hash = text.indexOf("#");
  if (hash < 0) return text;
  try { return decodeURIComponent(text.slice(hash + 1)); } catch (e) { return text; }
}
function parseClaim(raw) {
  if (raw.length > 4000) return null;
  const text = claimOf(raw);
  if (text.length > 2000) return null;
  const cut = text.lastIndexOf("|");
  if (cut < 0) return null;
  const message = text.slice(0, cut), signature = text.slice(cut + 1);
  const parts = message.split("|");
  if (parts.length !== 5 || parts[0] !== "HS1") return null;
  const [, kid, number, name, days] = parts;
  if (!/^[0-9A-HJKMNP-TV-Z]{4}$/.test(kid) || !/^[A-Za-z0-9_-]{86}$/.test(signature) || !number || !name) return null;
  if (days !== "" && !/^(\\d{8}(\\*\\d{1,2})?)(,\\d{8}(\\*\\d{1,2})?)*$/.test(days)) return null;
  const list = decodeDays(days);
  const plain = (v) => { try { return decodeURIComponent(v); } catch (e) { return null; } };
  const n = plain(number), who = plain(name);
  if (!list || n === null || who === null) return null;
  return { kid, number: n, name: who, days: list, message, signature };
}
function normaliseNumber(s) {
  const field = String(s).replace(/[|\p{Cc}]/gu, " ").replace(/\s+/g, " ").trim();
  return field;
}
function decodeDays(s) {
  if (s === "") return [];
  const out = [];
  for (const run of s.split(",")) {
    const [start, count] = run.split("*");
    let d = start.slice(0, 4) + "-" + start.slice(4, 6) + "-" + start.slice(6, 8);
    const t = Date.parse(d + "T00:00:00Z");
    if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== d) return null;
    const n = count === undefined ? 1 : Number(count);
    if (!(n >= 1 && n <= 31)) return null;
    for (let i = 0; i < n; i++) { out.push(d); d = new Date(Date.parse(d + "T00:00:00Z") + 86400000).toISOString().slice(0, 10); }
  }
  return out;
}
function b64url(s) {
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/") + "==".slice(0, (4 - (s.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
function toB64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
}
function idDate(iso) { const [y, m, d] = iso.split("-").map(Number); return d + " " + BULAN[m - 1] + " " + y; }

// ---- Ed25519 verification: WebCrypto, else BigInt (RFC 8032)
async function verifyEd25519(pub, msg, sig) {
  if (!window.__forceJs && crypto.subtle) {
    try {
      const key = await crypto.subtle.importKey("raw", pub, { name: "Ed25519" }, false, ["verify"]);
      return await crypto.subtle.verify({ name: "Ed25519" }, key, sig, msg);
    } catch (e) { /* no Ed25519 in this browser's WebCrypto: fall through */ }
  }
  return verifyJs(pub, msg, sig);
}
const P = 2n ** 255n - 19n, L = 2n ** 252n + 27742317777372353535851937790883648493n;
const mod = (a, m = P) => { const r = a % m; return r >= 0n ? r : r + m; };
const pow = (b, e) => { let r = 1n; b = mod(b); while (e > 0n) { if (e & 1n) r = mod(r * b); b = mod(b * b); e >>= 1n; } return r; };
const inv = (a) => pow(a, P - 2n);
const Dc = mod(-121665n * inv(121666n)), D2 = mod(2n * Dc), SQRTM1 = pow(2n, (P - 1n) / 4n);
const le = (bytes) => { let n = 0n; for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]); return n; };
function decompress(bytes) {
  const b = bytes.slice(); const sign = b[31] >> 7; b[31] &= 0x7f;
  const y = le(b); if (y >= P) return null;
  const y2 = mod(y * y), u = mod(y2 - 1n), v = mod(Dc * y2 + 1n);
  let x = mod(u * pow(v, 3n) * pow(u * pow(v, 7n), (P - 5n) / 8n));
  if (mod(v * x * x - u) !== 0n) { if (mod(v * x * x + u) !== 0n) return null; x = mod(x * SQRTM1); }
  if (x === 0n && sign) return null;
  if (Number(x & 1n) !== sign) x = P - x;
  return [x, y, 1n, mod(x * y)];
}
function add(p, q) {
  const [X1, Y1, Z1, T1] = p, [X2, Y2, Z2, T2] = q;
  const A = mod((Y1 - X1) * (Y2 - X2)), B = mod((Y1 + X1) * (Y2 + X2)), C = mod(T1 * D2 * T2), Dd = mod(2n * Z1 * Z2);
  const E = B - A, F = Dd - C, G = Dd + C, H = B + A;
  return [mod(E * F), mod(G * H), mod(F * G), mod(E * H)];
}
function mul(p, n) { let r = [0n, 1n, 1n, 0n]; for (; n > 0n; n >>= 1n, p = add(p, p)) if (n & 1n) r = add(r, p); return r; }
const BASE = decompress(b64url("WGZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmY"));
async function verifyJs(pub, msg, sig) {
  if (sig.length !== 64 || pub.length !== 32) return false;
  const A = decompress(pub), R = decompress(sig.slice(0, 32)), S = le(sig.slice(32));
  if (!A || !R || S >= L) return false;
  const h = new Uint8Array(await crypto.subtle.digest("SHA-512", new Uint8Array([...sig.slice(0, 32), ...pub, ...msg])));
  const k = mod(le(h), L);
  const lhs = mul(BASE, S), rhs = add(R, mul(A, k));
  return mod(lhs[0] * rhs[2] - rhs[0] * lhs[2]) === 0n && mod(lhs[1] * rhs[2] - rhs[1] * lhs[2]) === 0n;
}

// ---- the page
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
document.getElementById("event").textContent = DATA.event.name + " · " + DATA.event.organiser + " · " + DATA.event.dates;
document.getElementById("note").textContent =
  "Kunci publik " + DATA.kid + ". Daftar sertifikat yang dicabut per " + idDate(DATA.exportedAt.slice(0, 10)) +
  " (" + DATA.revoked.length + " nomor); pencabutan sesudah tanggal itu hanya diketahui kiosk penyelenggara. " +
  "Halaman ini bekerja tanpa internet dan tidak mengirim apa pun.";

async function check() {
  const out = document.getElementById("result");
  const text = document.getElementById("claim").value;
  const c = parseClaim(text);
  let verdict, title, detail = "";
  if (!c) {
    verdict = "forged"; title = "Bukan sertifikat yang sah / Not a valid certificate";
    detail = "<p>Teks ini bukan isi kode QR sertifikat Hadir, atau telah terpotong.</p>";
  } else {
    const sig = b64url(c.signature);
    const canonical = toB64url(sig) === c.signature;
    const ok = c.kid === DATA.kid && canonical && (await verifyEd25519(b64url(DATA.publicKey), new TextEncoder().encode(c.message), sig));
    if (!ok) {
      verdict = "forged"; title = "PALSU / FORGED";
      detail = c.kid !== DATA.kid
        ? "<p>Sertifikat ini tidak ditandatangani dengan kunci kegiatan ini.</p>"
        : "<p>Tanda tangan tidak cocok: isi sertifikat telah diubah.</p>";
    } else {
      // Compared as the QR carries a number (shared/cert-number.ts normaliseNumber): one space.
      const rev = DATA.revoked.find((r) => normaliseNumber(r.number) === normaliseNumber(c.number));
      verdict = rev ? "revoked" : "authentic";
      title = rev ? "DICABUT / REVOKED" : "ASLI / AUTHENTIC";
      detail = "<dl><dt>Nomor</dt><dd>" + esc(c.number) + "</dd><dt>Nama</dt><dd>" + esc(c.name) +
        "</dd><dt>Hadir</dt><dd>" + (c.days.length ? c.days.map(idDate).map(esc).join(", ") : "—") +
        "</dd><dt>Kegiatan</dt><dd>" + esc(DATA.event.name) + "</dd>" +
        (rev ? "<dt>Dicabut</dt><dd>" + esc(idDate(rev.at.slice(0, 10))) + (rev.reason ? " — " + esc(rev.reason) : "") + "</dd>" : "") + "</dl>";
    }
  }
  out.className = "result show " + verdict;
  out.dataset.verdict = verdict;
  out.innerHTML = '<p class="verdict">' + title + "</p>" + detail;
}
document.getElementById("check").addEventListener("click", check);
// Opened from a certificate's QR by a phone's camera: the claim is in this address's fragment,
// which the browser never sends anywhere. Shown and checked at once.
if (location.hash.length > 1) { document.getElementById("claim").value = claimOf(location.href); check(); }
document.getElementById("claim").addEventListener("keydown", (e) => { if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); check(); } });

// ---- the camera (served by the kiosk's web host only): the kiosk's own decoder worker
// (renderer/src/features/checkin/decoder.worker.ts, zxing-wasm), fed the centred square of each
// frame as a transferred ImageBitmap, one decode in flight, at most ten a second. The first QR
// read fills the box above and is checked; the camera is then closed.
const camera = { worker: null, stream: null, timer: 0 };
const cameraStatus = (text) => { const el = document.getElementById("camera-status"); el.hidden = !text; el.textContent = text || ""; };
function stopCamera() {
  clearTimeout(camera.timer);
  if (camera.worker) camera.worker.terminate();
  if (camera.stream) camera.stream.getTracks().forEach((t) => t.stop());
  camera.worker = null; camera.stream = null;
  const video = document.getElementById("camera-video");
  video.srcObject = null;
  document.getElementById("camera").hidden = true;
  document.getElementById("scan-stop").hidden = true;
  document.getElementById("scan").hidden = false;
}
async function startCamera() {
  if (camera.worker) return;
  if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    cameraStatus("Kamera hanya bisa dipakai bila halaman ini dibuka lewat https:// atau di komputer kiosk sendiri. / The camera works only when this page is opened over https:// or on the kiosk itself.");
    return;
  }
  cameraStatus("Membuka kamera… / Opening the camera…");
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } } });
  } catch (e) {
    const name = e && e.name;
    cameraStatus(name === "NotAllowedError" ? "Izin kamera ditolak. Izinkan kamera untuk halaman ini, atau tempel teks QR di atas. / Camera permission refused. Allow the camera for this page, or paste the QR text above."
      : name === "NotFoundError" ? "Tidak ada kamera. Tempel teks QR di atas. / No camera found. Paste the QR text above."
      : "Kamera tidak bisa dibuka. Tempel teks QR di atas. / The camera could not be opened. Paste the QR text above.");
    return;
  }
  const worker = new Worker(DATA.decoder, { type: "module" });
  camera.worker = worker; camera.stream = stream;
  const video = document.getElementById("camera-video");
  video.srcObject = stream;
  await video.play().catch(() => undefined);
  document.getElementById("camera").hidden = false;
  document.getElementById("scan").hidden = true;
  document.getElementById("scan-stop").hidden = false;
  cameraStatus("Arahkan kamera ke kode QR sertifikat. / Point the camera at the certificate's QR code.");
  let ready = false, busy = false, id = 0;
  worker.onmessage = (e) => {
    const m = e.data;
    if (m.type === "ready") ready = true;
    else if (m.type === "error") { stopCamera(); cameraStatus("Pembaca QR tidak bisa dimuat. Tempel teks QR di atas. / The QR reader could not be loaded. Paste the QR text above."); }
    else if (m.type === "result") {
      busy = false;
      if (m.text && camera.worker === worker) {
        stopCamera(); cameraStatus("");
        document.getElementById("claim").value = m.text;
        check();
      }
    }
  };
  worker.onerror = () => { stopCamera(); cameraStatus("Pembaca QR tidak bisa dimuat. Tempel teks QR di atas. / The QR reader could not be loaded. Paste the QR text above."); };
  const tick = () => {
    if (camera.worker !== worker) return;
    const w = video.videoWidth, h = video.videoHeight;
    if (ready && !busy && w > 0 && h > 0) {
      busy = true;
      // The centred square, as the check-in desk decodes (decoder-protocol.ts regionOfInterest).
      const size = Math.min(w, h);
      createImageBitmap(video, Math.round((w - size) / 2), Math.round((h - size) / 2), size, size).then(
        (bitmap) => { if (camera.worker !== worker) return bitmap.close(); worker.postMessage({ type: "frame", id: ++id, bitmap }, [bitmap]); },
        () => { busy = false; },
      );
    }
    camera.timer = setTimeout(tick, 100);
  };
  tick();
}
if (DATA.decoder) {
  document.getElementById("scan").hidden = false;
  document.getElementById("scan").addEventListener("click", startCamera);
  document.getElementById("scan-stop").addEventListener("click", () => { stopCamera(); cameraStatus(""); });
}
</script>
</body>
</html>
`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
