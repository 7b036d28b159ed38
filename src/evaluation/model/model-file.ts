import { z } from 'zod';
import { AppError } from '../../errors.js';

/**
 * The grader model on disk: an 8-byte magic, the header length (uint32 LE), a JSON header, zero
 * padding to a multiple of 4, then the weights as int8, bucket by bucket (all outputs of bucket 0,
 * then of bucket 1, …), each output with its own scale. int8 keeps the committed file small; the
 * quantisation error is measured when the file is written (see the header's `metrics`).
 */
const MAGIC = 'CPGRADE1';

export const ModelHeaderSchema = z.object({
  format: z.literal('counterpart-grader-model'),
  featureVersion: z.number().int(),
  bucketBits: z.number().int().min(8).max(24),
  heads: z.string(),
  width: z.number().int().positive(),
  scales: z.array(z.number()),
  bias: z.array(z.number()),
  /** decision thresholds of binary heads, chosen on held-out writers during training */
  thresholds: z.record(z.string(), z.number()),
  training: z.object({
    seed: z.number().int(),
    epochs: z.number().int(),
    items: z.number().int(),
    corpusSha256: z.string(),
    /** figures of the cross-writer validation at training time */
    metrics: z.record(z.string(), z.number()),
  }),
});
export type ModelHeader = z.infer<typeof ModelHeaderSchema>;

export interface ModelFile {
  header: ModelHeader;
  weights: Int8Array;
}

export function encodeModel(model: ModelFile): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify(model.header));
  const headerEnd = 12 + header.length;
  const weightsStart = Math.ceil(headerEnd / 4) * 4;
  const bytes = new Uint8Array(weightsStart + model.weights.length);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(8, header.length, true);
  bytes.set(header, 12);
  bytes.set(new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.length), weightsStart);
  return bytes;
}

export function decodeModel(bytes: Uint8Array, source: string): ModelFile {
  const broken = (reason: string): AppError =>
    new AppError('grader_model_invalid', `the grader model ${source} is unusable (${reason}); run \`npm run train-grader\` to rebuild it`);
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) throw broken('not a grader model file');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(8, true);
  if (12 + headerLength > bytes.length) throw broken('truncated header');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength)));
  } catch {
    throw broken('header is not JSON');
  }
  const parsed = ModelHeaderSchema.safeParse(json);
  if (!parsed.success) throw broken(z.prettifyError(parsed.error).replace(/\s+/g, ' '));
  const header = parsed.data;
  const weightsStart = Math.ceil((12 + headerLength) / 4) * 4;
  const expected = (1 << header.bucketBits) * header.width;
  if (bytes.length - weightsStart !== expected) throw broken(`expected ${expected} weights, found ${bytes.length - weightsStart}`);
  if (header.scales.length !== header.width || header.bias.length !== header.width) throw broken('scales or bias do not match the outputs');
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset + weightsStart, expected);
  return { header, weights };
}
