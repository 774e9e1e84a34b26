import { render } from 'preact';
import '../ui/base.css';
import { Options } from './Options';

document.documentElement.lang = navigator.language.startsWith('ja') ? 'ja' : 'en';
render(<Options />, document.getElementById('app')!);
