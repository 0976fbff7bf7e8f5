// The response comparison the contract check uses: the strangler proxy's own `compareResponses` (the same code that
// judges shadow traffic), behind a small port so a test can pass another one.
import { compareResponses, type Difference, type RecordedResponse } from '@ficus/strangler-proxy';

export type ComparableResponse = RecordedResponse;
export type { Difference };
export type CompareResponses = typeof compareResponses;
export { compareResponses };
