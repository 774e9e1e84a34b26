import { render } from 'preact';
import '../ui/base.css';
import { Welcome } from './Welcome';

document.documentElement.lang = navigator.language.startsWith('ja') ? 'ja' : 'en';
render(<Welcome />, document.getElementById('app')!);
