import { jobHandler } from '../background/job-handler';
import { job } from '../jobs';
import { sweepExpiredSignups } from '../services/expired-signups';

export const handler = jobHandler(job('sweep-expired-signups'), ({ log }) => sweepExpiredSignups(log));
