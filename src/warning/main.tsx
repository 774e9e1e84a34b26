import { render } from 'preact';
import '../ui/base.css';
import './warning.css';
import { readWarningParams } from '../core/phishing/warning';
import { Warning } from './Warning';

const params = readWarningParams(location.search);
document.documentElement.lang = navigator.language.startsWith('ja') ? 'ja' : 'en';
// The warning contract: data-account-guard="warning" and data-kind on <body>.
document.body.dataset.accountGuard = 'warning';
if (params) document.body.dataset.kind = params.kind;
render(<Warning params={params} />, document.getElementById('app')!);
