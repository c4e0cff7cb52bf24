import { useEffect, useRef, useState } from 'preact/hooks';

interface Props {
  /** Empties the form and forgets the draft on this device. */
  onDiscard: () => void;
  /** Makes the ids unique when the control is shown twice (restored notice, submit area). */
  idPrefix: string;
}

/** "Discard draft", asked once more before everything typed and chosen is gone for good. */
export default function DiscardDraft({ onDiscard, idPrefix }: Props) {
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" class="button secondary" onClick={() => setAsking(true)}>
        删除草稿
      </button>
    );
  }
  return (
    <div class="discard-confirm" role="group" aria-labelledby={`${idPrefix}-discard-question`}>
      <p id={`${idPrefix}-discard-question`}>删除草稿会清空本页填写的全部内容和照片，不能恢复。确定删除吗？</p>
      <p class="button-row">
        <button
          type="button"
          class="button warning"
          ref={confirm}
          onClick={() => {
            setAsking(false);
            onDiscard();
          }}
        >
          确定删除草稿
        </button>
        <button type="button" class="button secondary" onClick={() => setAsking(false)}>
          取消
        </button>
      </p>
    </div>
  );
}
