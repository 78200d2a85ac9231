// The status of a call or request an exercise injected, named in the reader's language ("已发起",
// "已提交"), not as its code value ("placed", "submitted").
import { useCallMeta, useRequestMeta } from '../../api/meta';
import { useLabel } from '../../components/Bi';

export function useRecordStatusLabel(): (kind: string, status: string) => string {
  const label = useLabel();
  const calls = useCallMeta().data;
  const requests = useRequestMeta().data;
  return (kind, status) => label(kind === 'call' ? calls?.statuses : requests?.statuses, status);
}
