import { writeWithModel } from '../integrations/language-model';
import type { ProseWriter } from './stored-analysis';

/** The language model's prose for an analysis, when one is configured (`AI_BASE_URL`, `AI_MODEL`); its failures fall back to the heuristic's. */
export const modelProse: ProseWriter = (login, figures) => writeWithModel('member-analysis', { githubUsername: login, ...figures });
