// An amount as people type it (１２３, ¥12, 1,200, 1200.50): the text stays as typed and the
// shared parser (shared/money-input.ts) reads it, in the form and again in main.
import { Input, type InputProps } from 'antd';

type Props = Omit<InputProps, 'inputMode'>;

export function AmountInput(props: Props) {
  return <Input inputMode="decimal" prefix="¥" placeholder="1200.50" {...props} />;
}
