import { http } from '../../http/handler';
import { created } from '../../http/responses';
import { route } from '../../routes';
import { completeInvitation } from '../../services/joining';

export const handler = http(route('POST /invite/complete'), async ({ body, log }) =>
  created(await completeInvitation(body, log)),
);
