/** The coordinator's dashboard's entry (dashboard.html): built by its own pass, never precached. */
import { render } from 'preact';
import { Dashboard } from './Dashboard.tsx';
import './dashboard.css';

render(<Dashboard />, document.getElementById('dashboard')!);
