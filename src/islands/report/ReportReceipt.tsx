import { useEffect, useRef } from 'preact/hooks';
import type { Receipt } from './report-form-model.ts';

interface Props {
  receipt: Receipt;
  onNew: () => void;
}

/** What the reporter must keep; shown once, so it is large and says why. */
export default function ReportReceipt({ receipt, onNew }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="receipt">
      <h2 tabIndex={-1} ref={heading}>
        举报已提交
      </h2>
      <p>请抄下或截图保存下面的查询码和查询密钥。凭这两项可以随时查看处理进展；为保护您的身份，我们不保存能找回查询密钥的信息，丢失后无法补发。</p>
      <dl class="receipt-codes">
        <div>
          <dt>查询码</dt>
          <dd class="code" data-testid="tracking-code">
            {receipt.trackingCode}
          </dd>
        </div>
        <div>
          <dt>查询密钥</dt>
          <dd class="code" data-testid="tracking-secret">
            {receipt.secret}
          </dd>
        </div>
      </dl>
      <p>
        {receipt.office
          ? `线索已登记，交${receipt.office.name}核查处理。`
          : `线索已登记（${receipt.statusLabel || '待分派'}），由市级执法监察部门分派给所在区县核查。`}
      </p>
      <p class="button-row">
        <a class="button" href="/track/">
          查询举报进展
        </a>
        <button type="button" class="button secondary" onClick={onNew}>
          再举报一条
        </button>
      </p>
    </div>
  );
}
