/** Messages between the check-in screen and decoder.worker.ts. */
export interface DecodeRequest {
  id: number;
  /** Transferred, not copied; the worker closes it. */
  bitmap: ImageBitmap;
}

export type DecodeReply =
  | { type: 'ready' }
  | { type: 'error'; message: string }
  | { type: 'result'; id: number; text: string | null; ms: number; error?: string };

/**
 * The part of a frame handed to the decoder: a centred square as tall as the frame (720×720 of a
 * 1280×720 frame). A badge is held in the middle, where the guide on the preview shows it, and a
 * smaller image decodes faster. The preview draws the same square, computed here once.
 */
export function regionOfInterest(width: number, height: number): { x: number; y: number; size: number } {
  const size = Math.min(width, height);
  return { x: Math.round((width - size) / 2), y: Math.round((height - size) / 2), size };
}
