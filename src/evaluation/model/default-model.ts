import { loadGraderModel, type GraderModel } from './grader-model.js';

let shared: GraderModel | undefined;

/** The shipped model, read once per process on first use (about 6 MB; a few milliseconds). */
export function defaultGraderModel(): GraderModel {
  shared ??= loadGraderModel();
  return shared;
}
