import type { ReportFormModel } from './report-form-model.ts';
import TextInput from './TextInput.tsx';
import Checkbox from './Checkbox.tsx';

/** Who the reporter is: all optional, anonymous by default; kept in the draft only when the reporter asks. */
export default function IdentityFields({ model, hydrated }: { model: ReportFormModel; hydrated: boolean }) {
  return (
    <fieldset class="form-field" aria-describedby="report-identity-hint">
      <legend>
        <h2>您的身份（可选）</h2>
      </legend>
      <div class="notice" id="report-identity-hint">
        <p>
          <strong>可以匿名举报。</strong>下面各项都可以不填；提交后您会得到查询码和查询密钥，凭它们就能查看处理进展。
        </p>
        <p>
          <strong>我们为您保密：</strong>您填写的姓名和联系方式与举报内容分开、加密保存，只有负责核查的区县自然资源部门在您同意联系时才能看到，用于向您核实情况；不会告诉被举报人，也不会出现在任何公开页面、数据或记录中。
        </p>
      </div>
      <TextInput model={model} name="name" label="姓名" autoComplete="name" />
      <TextInput model={model} name="phone" label="电话" type="tel" inputMode="tel" autoComplete="tel" hint="手机号或座机号，例如 13800000000" />
      <TextInput model={model} name="email" label="电子邮箱" type="email" autoComplete="email" spellcheck={false} />
      <Checkbox model={model} name="contactConsent" label="可以联系我核实情况" hint="勾选时请至少留下电话或电子邮箱。不勾选，我们不会联系您。" />
      <Checkbox model={model} name="journalist" label="我是新闻记者" hint="媒体反映的线索会单独登记。" />
      <TextInput model={model} name="outlet" label="所在媒体（记者填写）" autoComplete="organization" />
      {hydrated && (
        // Not a report field: it has no name, so it is never sent.
        <div class="form-field checkbox">
          <input
            type="checkbox"
            id="report-remember-identity"
            checked={model.rememberIdentity.value}
            aria-describedby="report-remember-identity-hint"
            onChange={(e) => {
              model.rememberIdentity.value = e.currentTarget.checked;
            }}
          />
          <label for="report-remember-identity">在本机记住以上信息</label>
          <p class="form-hint" id="report-remember-identity-hint">
            不勾选时，草稿只保存举报内容和照片，不保存您的姓名和联系方式。多人共用的手机或电脑请不要勾选。
          </p>
        </div>
      )}
    </fieldset>
  );
}
